package org.grace.model.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The nuisance distributions of every split: given a class and a random stream, a {@link Scene}.
 *
 * <ul>
 *   <li>ID (train/val/test): photo, one object of radius 0.24–0.33 near the centre (±0.08),
 *       rotation within ±30°, textures plain/striped/dotted, light from the upper left, 0–2
 *       clutter strokes, and a mild spurious correlation: with probability 0.4 the background is
 *       the class's "usual" one among white, grass, sky, sand (class index mod 4).</li>
 *   <li>V2 analogue: same photo style, fresh sample, mildly shifted nuisances: radius
 *       0.20–0.36, centre ±0.12, rotation ±40°, all five textures, the four ID backgrounds
 *       uniformly (the spurious correlation is gone) and with probability 0.2 an unseen one
 *       (black or brick), 0–3 clutter strokes, light from the upper left ±0.6 rad.</li>
 *   <li>Sketch analogue: the ID geometry drawn as a greyscale outline sketch.</li>
 *   <li>R analogue: the V2 geometry in a rendition style (cartoon, flat paint, pixel art,
 *       inverted).</li>
 *   <li>Hard candidates for the A analogues: ID-like geometry (radius 0.22–0.34, rotation ±30°)
 *       on any background with any texture, made hard in one or two ways among
 *       occlusion (a grey rectangle over 30–50% of the object), distractors (1–3 smaller shapes of
 *       other ID classes) and unusual context (a small object near the border, coloured like its
 *       background, amid 4–8 clutter strokes).</li>
 *   <li>Transfer tasks: the broad distribution over all shapes, colours, textures, sizes,
 *       placements and backgrounds, with the task's attribute set by the class (texture and
 *       orientation tasks draw medium or large objects, so the attribute is visible).</li>
 *   <li>Captions: the same broad draws, but {@value #OBJECT_CENTRIC} of the pairs framed
 *       object-centrically ({@link BroadScene#buildCentred}), as web photos mostly are; and a
 *       pointing shape (arrow, triangle, chevron) points up/right/down/left with probability 0.7.
 *       The object-centric share is a knob that matters: with the broad framing alone, zero-shot
 *       ID accuracy stayed near 30% (the checkpoint README's trials table).</li>
 * </ul>
 */
final class SceneSampler {

    private static final Background[] ID_BACKGROUNDS = {Background.WHITE, Background.GRASS, Background.SKY,
        Background.SAND};
    private static final double DEG = StrictMath.PI / 180;
    /** Share of the caption corpus drawn object-centric. */
    static final double OBJECT_CENTRIC = 0.7;

    private SceneSampler() {
    }

    static Scene id(Shape shape, int classIndex, SplittableRandom rnd) {
        SceneObject subject = object(shape, 0.5 + sym(rnd, 0.08), 0.5 + sym(rnd, 0.08), range(rnd, 0.24, 0.33),
                sym(rnd, 30 * DEG), pick(rnd, Colour.values()),
                pick(rnd, new Texture[] {Texture.PLAIN, Texture.PLAIN, Texture.STRIPED, Texture.DOTTED}), rnd);
        Background background = rnd.nextDouble() < 0.4 ? ID_BACKGROUNDS[classIndex % ID_BACKGROUNDS.length]
                : pick(rnd, ID_BACKGROUNDS);
        return single(Style.PHOTO, background, subject, rnd.nextInt(3), -0.75 * StrictMath.PI + sym(rnd, 0.3));
    }

    static Scene v2(Shape shape, SplittableRandom rnd) {
        Background background = rnd.nextDouble() < 0.2 ? pick(rnd, new Background[] {Background.BLACK, Background.BRICK})
                : pick(rnd, ID_BACKGROUNDS);
        return single(Style.PHOTO, background, shiftedObject(shape, rnd), rnd.nextInt(4),
                -0.75 * StrictMath.PI + sym(rnd, 0.6));
    }

    static Scene sketch(Shape shape, int classIndex, SplittableRandom rnd) {
        Scene id = id(shape, classIndex, rnd);
        return restyle(id, Style.SKETCH);
    }

    static Scene rendition(Shape shape, SplittableRandom rnd) {
        Style style = pick(rnd, Style.renditions().toArray(new Style[0]));
        return restyle(v2(shape, rnd), style);
    }

    static Scene hardCandidate(Shape shape, SplittableRandom rnd) {
        int kinds = 1 + rnd.nextInt(7) / 3;
        boolean occlusion = false;
        boolean distractors = false;
        boolean unusual = false;
        for (int k = 0; k < kinds; k++) {
            switch (rnd.nextInt(3)) {
                case 0 -> occlusion = true;
                case 1 -> distractors = true;
                default -> unusual = true;
            }
        }
        Background background = pick(rnd, Background.values());
        SceneObject subject;
        int clutter;
        if (unusual) {
            double r = range(rnd, 0.14, 0.2);
            double edge = r + 0.02;
            subject = object(shape, rnd.nextBoolean() ? edge : 1 - edge, range(rnd, edge, 1 - edge), r,
                    sym(rnd, StrictMath.PI), camouflage(background, rnd), pick(rnd, Texture.values()), rnd);
            clutter = 4 + rnd.nextInt(5);
        } else {
            subject = object(shape, 0.5 + sym(rnd, 0.1), 0.5 + sym(rnd, 0.1), range(rnd, 0.22, 0.34),
                    sym(rnd, 30 * DEG), pick(rnd, Colour.values()), pick(rnd, Texture.values()), rnd);
            clutter = rnd.nextInt(5);
        }
        List<SceneObject> objects = new ArrayList<>();
        objects.add(subject);
        if (distractors) {
            int count = 1 + rnd.nextInt(3);
            for (int k = 0; k < count; k++) {
                Shape other;
                do {
                    other = pick(rnd, idShapes());
                } while (other == shape);
                double r = subject.radius() * range(rnd, 0.55, 0.8);
                objects.add(object(other, range(rnd, r, 1 - r), range(rnd, r, 1 - r), r, sym(rnd, StrictMath.PI),
                        pick(rnd, Colour.values()), pick(rnd, Texture.values()), rnd));
            }
        }
        Optional<Occluder> occluder = Optional.empty();
        if (occlusion) {
            double r = subject.radius();
            double fraction = range(rnd, 0.3, 0.5);
            double cut = 2 * r * fraction;
            double x0 = subject.cx() - r;
            double y0 = subject.cy() - r;
            double[] box = switch (rnd.nextInt(4)) {
                case 0 -> new double[] {x0, y0, x0 + cut, y0 + 2 * r};
                case 1 -> new double[] {x0 + 2 * r - cut, y0, x0 + 2 * r, y0 + 2 * r};
                case 2 -> new double[] {x0, y0, x0 + 2 * r, y0 + cut};
                default -> new double[] {x0, y0 + 2 * r - cut, x0 + 2 * r, y0 + 2 * r};
            };
            occluder = Optional.of(new Occluder(box[0], box[1], box[2], box[3], (float) range(rnd, 0.35, 0.65)));
        }
        return new Scene(Style.PHOTO, background, objects, 1, clutter, occluder, rnd.nextDouble() * 2 * StrictMath.PI,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A scene from the broad distribution; {@code task}'s attribute is set to class {@code classIndex}. */
    static Scene transfer(TransferTask task, int classIndex, SplittableRandom rnd) {
        BroadScene broad = BroadScene.sample(rnd, Style.PHOTO);
        broad.count = 1;
        switch (task) {
            case COLOUR -> broad.colour = Colour.values()[classIndex];
            case TEXTURE -> {
                broad.texture = Texture.values()[classIndex];
                broad.size = rnd.nextBoolean() ? SizeClass.MEDIUM : SizeClass.LARGE;
            }
            case COUNT -> broad.count = classIndex + 1;
            case POSITION -> {
                broad.placement = Placement.values()[classIndex];
                broad.size = rnd.nextBoolean() ? SizeClass.SMALL : SizeClass.MEDIUM;
            }
            case SIZE -> broad.size = SizeClass.values()[classIndex];
            case BACKGROUND -> broad.background = Background.values()[classIndex];
            case HELD_OUT_SHAPES -> broad.shape = heldOutShapes()[classIndex];
            case ORIENTATION -> {
                broad.shape = Shape.ARROW;
                broad.size = rnd.nextBoolean() ? SizeClass.MEDIUM : SizeClass.LARGE;
                broad.direction = Direction.values()[classIndex];
            }
            default -> throw new IllegalStateException("no sampler for task " + task);
        }
        return broad.build(rnd);
    }

    /** A scene of the pretraining corpus: any style, any shape, any attribute. */
    static Scene caption(SplittableRandom rnd) {
        Style style = rnd.nextDouble() < 0.4 ? Style.PHOTO : pick(rnd, Style.values());
        BroadScene broad = BroadScene.sample(rnd, style);
        if (broad.shape.upRotation().isPresent() && rnd.nextDouble() < 0.7) {
            broad.direction = pick(rnd, Direction.values());
        }
        return rnd.nextDouble() < OBJECT_CENTRIC ? broad.buildCentred(rnd) : broad.build(rnd);
    }

    /**
     * A single-object photo of {@code shape} drawn from the corpus's broad distribution (any colour,
     * texture, size band, placement, background and rotation, 0–2 clutter strokes): what the
     * pretraining shows next to the shape's name, for comparison with the ID photos.
     */
    static Scene corpusPhoto(Shape shape, SplittableRandom rnd) {
        BroadScene broad = BroadScene.sample(rnd, Style.PHOTO);
        broad.shape = shape;
        broad.count = 1;
        return broad.build(rnd);
    }

    static Shape[] idShapes() {
        return java.util.Arrays.stream(Shape.values()).filter(Shape::isIdClass).toArray(Shape[]::new);
    }

    static Shape[] heldOutShapes() {
        return java.util.Arrays.stream(Shape.values()).filter(s -> !s.isIdClass()).toArray(Shape[]::new);
    }

    private static SceneObject shiftedObject(Shape shape, SplittableRandom rnd) {
        double r = range(rnd, 0.2, 0.36);
        double jitter = Math.min(0.12, 0.5 - r * 0.8);
        return object(shape, 0.5 + sym(rnd, jitter), 0.5 + sym(rnd, jitter), r, sym(rnd, 40 * DEG),
                pick(rnd, Colour.values()), pick(rnd, Texture.values()), rnd);
    }

    /** A colour that blends into the background (low contrast), or any colour on white and black. */
    private static Colour camouflage(Background background, SplittableRandom rnd) {
        return switch (background) {
            case GRASS -> Colour.GREEN;
            case SKY -> rnd.nextBoolean() ? Colour.BLUE : Colour.CYAN;
            case SAND -> rnd.nextBoolean() ? Colour.YELLOW : Colour.ORANGE;
            case BRICK -> rnd.nextBoolean() ? Colour.RED : Colour.ORANGE;
            default -> pick(rnd, Colour.values());
        };
    }

    private static Scene restyle(Scene scene, Style style) {
        return new Scene(style, scene.background(), scene.objects(), scene.subjectCount(), scene.clutter(),
                scene.occluder(), scene.lightAngle(), scene.size(), scene.placement(), scene.direction());
    }

    private static Scene single(Style style, Background background, SceneObject subject, int clutter, double light) {
        return new Scene(style, background, List.of(subject), 1, clutter, Optional.empty(), light, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    static SceneObject object(Shape shape, double cx, double cy, double radius, double rotation, Colour colour,
                              Texture texture, SplittableRandom rnd) {
        return new SceneObject(shape, cx, cy, radius, rotation, colour, texture, rnd.nextBoolean());
    }

    static double range(SplittableRandom rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    static double sym(SplittableRandom rnd, double halfWidth) {
        return (2 * rnd.nextDouble() - 1) * halfWidth;
    }

    static <T> T pick(SplittableRandom rnd, T[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
