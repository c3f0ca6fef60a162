package org.grace.model.data.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One nuisance of the ID photos neutralised at a time, for diagnosing what a zero-shot model fails
 * on: each value maps an ID scene (drawn by the ID sampler from the image's own stream) to the same
 * scene with that nuisance fixed, so the ablated splits are paired example by example with the ID
 * test split (same shapes, colours, positions, everything else).
 *
 * <p>{@link #NONE} leaves the scene unchanged (the ID test images themselves); {@link #ALL} applies
 * every ablation at once. {@link #UNCORRELATED_BACKGROUND} redraws the background uniformly over
 * the four ID backgrounds from the stream after the ID draw, which removes the class–background
 * correlation without changing the set of backgrounds.
 */
public enum IdNuisance {
    NONE("none"),
    NO_CLUTTER("no-clutter"),
    PLAIN_TEXTURE("plain-texture"),
    WHITE_BACKGROUND("white-background"),
    UNCORRELATED_BACKGROUND("uncorrelated-background"),
    FIXED_SIZE("fixed-size"),
    CENTRED("centred"),
    UPRIGHT("upright"),
    ALL("all");

    /** Radius every object gets under {@link #FIXED_SIZE}: the middle of the ID range 0.24–0.33. */
    static final double FIXED_RADIUS = 0.285;

    private static final Background[] ID_BACKGROUNDS = {Background.WHITE, Background.GRASS, Background.SKY,
        Background.SAND};

    private final String id;

    IdNuisance(String id) {
        this.id = id;
    }

    /** Short name used in split names ("synth-id-test-no-clutter"). */
    public String id() {
        return id;
    }

    /** {@code scene} with this nuisance neutralised; {@code rnd} is read only by {@link #UNCORRELATED_BACKGROUND}. */
    Scene apply(Scene scene, SplittableRandom rnd) {
        if (this == ALL) {
            Scene s = scene;
            for (IdNuisance n : values()) {
                if (n != ALL && n != NONE && n != UNCORRELATED_BACKGROUND) {
                    s = n.apply(s, rnd);
                }
            }
            return s;
        }
        SceneObject o = scene.subject();
        return switch (this) {
            case NONE -> scene;
            case NO_CLUTTER -> with(scene, scene.background(), o, 0);
            case PLAIN_TEXTURE -> with(scene, scene.background(),
                    new SceneObject(o.shape(), o.cx(), o.cy(), o.radius(), o.rotation(), o.colour(), Texture.PLAIN,
                            o.lighterPattern()), scene.clutter());
            case WHITE_BACKGROUND -> with(scene, Background.WHITE, o, scene.clutter());
            case UNCORRELATED_BACKGROUND -> with(scene, SceneSampler.pick(rnd, ID_BACKGROUNDS), o, scene.clutter());
            case FIXED_SIZE -> with(scene, scene.background(),
                    new SceneObject(o.shape(), o.cx(), o.cy(), FIXED_RADIUS, o.rotation(), o.colour(), o.texture(),
                            o.lighterPattern()), scene.clutter());
            case CENTRED -> with(scene, scene.background(),
                    new SceneObject(o.shape(), 0.5, 0.5, o.radius(), o.rotation(), o.colour(), o.texture(),
                            o.lighterPattern()), scene.clutter());
            case UPRIGHT -> with(scene, scene.background(),
                    new SceneObject(o.shape(), o.cx(), o.cy(), o.radius(), 0.0, o.colour(), o.texture(),
                            o.lighterPattern()), scene.clutter());
            default -> throw new IllegalStateException("no ablation for " + this);
        };
    }

    private static Scene with(Scene scene, Background background, SceneObject subject, int clutter) {
        return new Scene(scene.style(), background, List.of(subject), scene.subjectCount(), clutter, scene.occluder(),
                scene.lightAngle(), scene.size(), scene.placement(), scene.direction());
    }
}
