package org.grace.model.data.synth;

import java.util.List;
import java.util.Optional;

/**
 * Everything needed to render one image and to caption it.
 *
 * @param style        drawing style
 * @param background   background kind (sketches ignore it: they are drawn on paper)
 * @param objects      objects in drawing order; the first {@code subjectCount} are the subject (one
 *                     shape, possibly repeated), the rest are distractors
 * @param subjectCount how many copies of the subject shape the scene shows (1..4)
 * @param clutter      number of small background marks
 * @param occluder     optional grey rectangle drawn over the objects
 * @param lightAngle   direction the shading light comes from, in radians
 * @param size         size band of the subject, when it was drawn from one (captioned)
 * @param placement    position of a single subject, when it was drawn from one (captioned)
 * @param direction    where a pointing subject (arrow, triangle, chevron) points, when it was drawn so (captioned)
 */
public record Scene(Style style, Background background, List<SceneObject> objects, int subjectCount, int clutter,
                    Optional<Occluder> occluder, double lightAngle, Optional<SizeClass> size,
                    Optional<Placement> placement, Optional<Direction> direction) {

    public Scene {
        objects = List.copyOf(objects);
        if (subjectCount < 1 || subjectCount > objects.size()) {
            throw new IllegalArgumentException(
                    "subjectCount " + subjectCount + " must be in [1, " + objects.size() + "]");
        }
        if (clutter < 0) {
            throw new IllegalArgumentException("clutter must be >= 0, got " + clutter);
        }
    }

    /** The subject's shape. */
    public Shape subjectShape() {
        return objects.get(0).shape();
    }

    /** The subject's first instance. */
    public SceneObject subject() {
        return objects.get(0);
    }
}
