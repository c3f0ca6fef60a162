package org.grace.model.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The broad attribute distribution shared by the transfer tasks and the pretraining corpus, as a
 * mutable draft: {@link #sample} draws every attribute, a task overrides the one it asks about,
 * {@link #build} places the objects.
 *
 * <p>Draws: shape uniform over all sixteen shapes; colour, texture, size band and background
 * uniform; placement "in the middle" with probability 0.4, else one of the four sides; one object
 * with probability 0.7, else two to four copies (then small, one per quadrant); 0–2 clutter
 * strokes. A large object is always centred so it stays in the frame. A subject with a
 * {@link #direction} is drawn pointing that way (±10°), others at any rotation.
 *
 * <p>{@link #buildCentred} instead draws the object-centric framing most of the pretraining
 * corpus uses: one object of radius 0.2–0.36 (straddling the size bands, so no size word is
 * captioned) centred within ±0.1, rotated within ±45° unless it points, captioned "in the middle".
 */
final class BroadScene {

    Style style;
    Shape shape;
    Colour colour;
    Texture texture;
    SizeClass size;
    Placement placement;
    int count;
    Background background;
    Direction direction;
    int clutter;

    private BroadScene() {
    }

    static BroadScene sample(SplittableRandom rnd, Style style) {
        BroadScene s = new BroadScene();
        s.style = style;
        s.shape = SceneSampler.pick(rnd, Shape.values());
        s.colour = SceneSampler.pick(rnd, Colour.values());
        s.texture = SceneSampler.pick(rnd, Texture.values());
        s.size = SceneSampler.pick(rnd, SizeClass.values());
        s.placement = rnd.nextDouble() < 0.4 ? Placement.MIDDLE
                : Placement.values()[1 + rnd.nextInt(Placement.values().length - 1)];
        s.count = rnd.nextDouble() < 0.7 ? 1 : 2 + rnd.nextInt(3);
        s.background = SceneSampler.pick(rnd, Background.values());
        s.clutter = rnd.nextInt(3);
        return s;
    }

    Scene build(SplittableRandom rnd) {
        List<SceneObject> objects = new ArrayList<>();
        Optional<Placement> placed = Optional.empty();
        SizeClass band = count > 1 ? SizeClass.SMALL : size;
        if (count > 1) {
            int[] quadrants = {0, 1, 2, 3};
            for (int i = 3; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = quadrants[i];
                quadrants[i] = quadrants[j];
                quadrants[j] = t;
            }
            for (int k = 0; k < count; k++) {
                double cx = (quadrants[k] % 2 == 0 ? 0.27 : 0.73) + SceneSampler.sym(rnd, 0.04);
                double cy = (quadrants[k] / 2 == 0 ? 0.27 : 0.73) + SceneSampler.sym(rnd, 0.04);
                objects.add(place(cx, cy, band, rnd));
            }
        } else {
            Placement where = band == SizeClass.LARGE ? Placement.MIDDLE : placement;
            placed = Optional.of(where);
            objects.add(place(where.x() + SceneSampler.sym(rnd, 0.04), where.y() + SceneSampler.sym(rnd, 0.04), band,
                    rnd));
        }
        return new Scene(style, background, objects, count, clutter, Optional.empty(),
                rnd.nextDouble() * 2 * StrictMath.PI, Optional.of(band), placed, Optional.ofNullable(direction));
    }

    Scene buildCentred(SplittableRandom rnd) {
        double rotation = direction != null ? pointing(rnd) : SceneSampler.sym(rnd, StrictMath.PI / 4);
        SceneObject object = SceneSampler.object(shape, 0.5 + SceneSampler.sym(rnd, 0.1),
                0.5 + SceneSampler.sym(rnd, 0.1), SceneSampler.range(rnd, 0.2, 0.36), rotation, colour, texture, rnd);
        return new Scene(style, background, List.of(object), 1, clutter, Optional.empty(),
                rnd.nextDouble() * 2 * StrictMath.PI, Optional.empty(), Optional.of(Placement.MIDDLE),
                Optional.ofNullable(direction));
    }

    private SceneObject place(double cx, double cy, SizeClass band, SplittableRandom rnd) {
        double rotation = direction != null ? pointing(rnd) : rnd.nextDouble() * 2 * StrictMath.PI;
        return SceneSampler.object(shape, cx, cy, SceneSampler.range(rnd, band.minRadius(), band.maxRadius()),
                rotation, colour, texture, rnd);
    }

    private double pointing(SplittableRandom rnd) {
        double up = shape.upRotation().orElseThrow(
                () -> new IllegalStateException(shape + " has no pointing direction, asked to point " + direction));
        return up + direction.radians() + SceneSampler.sym(rnd, 10 * StrictMath.PI / 180);
    }
}
