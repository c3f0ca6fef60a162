package org.grace.model.data.synth;

import java.util.SplittableRandom;

/**
 * Renders a {@link Scene} to a float32 CHW image in {@code [0,1]}.
 *
 * <p>Pipeline: background, clutter strokes, objects in order, occluder, then the style's
 * post-processing, all on a canvas {@code supersample} times the output side that is box-filtered
 * down. Pixel art is drawn on a canvas half the output side, posterised to four levels per
 * channel and enlarged with nearest neighbour; inverted renditions are photos with every value
 * replaced by {@code 1 - value}; sketches are made grey. Photo-like images get uniform sensor noise
 * of amplitude ±0.025 at output resolution.
 *
 * <p>Determinism: the only inputs are the scene, the seed, and the sizes; randomness comes from a
 * {@link SplittableRandom} seeded with {@code seed} and from {@link PixelNoise}; transcendental
 * functions are {@link StrictMath}'s. The result is therefore bit-identical on every platform.
 */
public final class SceneRenderer {

    private final int imageSize;
    private final int supersample;

    /**
     * @param imageSize   output side in pixels; a multiple of 4 and at least 16
     * @param supersample canvas pixels per output pixel along each axis, in {@code [1, 8]}
     */
    public SceneRenderer(int imageSize, int supersample) {
        if (imageSize < 16 || imageSize % 4 != 0) {
            throw new IllegalArgumentException("imageSize must be a multiple of 4 and >= 16, got " + imageSize);
        }
        if (supersample < 1 || supersample > 8) {
            throw new IllegalArgumentException("supersample must be in [1, 8], got " + supersample);
        }
        this.imageSize = imageSize;
        this.supersample = supersample;
    }

    /** Output side in pixels. */
    public int imageSize() {
        return imageSize;
    }

    /** The image of {@code scene}: {@code 3*imageSize*imageSize} floats, CHW, in {@code [0,1]}. */
    public float[] render(Scene scene, long seed) {
        Style style = scene.style();
        Canvas canvas = style == Style.PIXEL_ART ? new Canvas(imageSize / 2) : new Canvas(imageSize * supersample);
        double outputPixel = (double) canvas.side / imageSize;
        double stroke = style == Style.CARTOON ? Math.max(1.0, 1.4 * outputPixel) : Math.max(1.0, 0.9 * outputPixel);
        BackgroundPainter.paint(canvas, style, scene.background(), seed);
        // A stream distinct from the one the scene was sampled with (same image seed).
        SplittableRandom random = new SplittableRandom(Seeds.mix64(seed ^ 0x6A09E667F3BCC909L));
        for (int k = 0; k < scene.clutter(); k++) {
            drawClutterStroke(canvas, style, random, seed);
        }
        // Back to front: distractors first, so the subject is never hidden by them (only by an occluder).
        for (int k = scene.objects().size() - 1; k >= 0; k--) {
            ObjectPainter.paint(canvas, scene.objects().get(k), style, scene.lightAngle(), stroke, outputPixel, seed);
        }
        if (scene.occluder().isPresent()) {
            drawOccluder(canvas, scene.occluder().get(), style, seed);
        }
        if (style == Style.PIXEL_ART) {
            canvas.quantise(4);
            canvas = canvas.enlarge(2);
        }
        if (style == Style.INVERTED) {
            canvas.invert();
        }
        if (style == Style.SKETCH) {
            canvas.greyscale();
        }
        float[] image = canvas.toChw(imageSize);
        if (style == Style.PHOTO || style == Style.INVERTED) {
            addSensorNoise(image, seed);
        }
        return image;
    }

    private static void drawClutterStroke(Canvas canvas, Style style, SplittableRandom random, long seed) {
        int n = canvas.side;
        double x0 = random.nextDouble() * n;
        double y0 = random.nextDouble() * n;
        double angle = random.nextDouble() * 2 * StrictMath.PI;
        double length = (0.06 + 0.1 * random.nextDouble()) * n;
        double x1 = x0 + length * StrictMath.cos(angle);
        double y1 = y0 + length * StrictMath.sin(angle);
        double halfWidth = Math.max(0.5, 0.012 * n);
        Colour colour = Colour.values()[random.nextInt(Colour.values().length)];
        float[] rgb = switch (style) {
            case SKETCH -> new float[] {0.35f, 0.35f, 0.35f};
            case SILHOUETTE -> new float[] {0.3f, 0.3f, 0.32f};
            case BLUEPRINT -> new float[] {0.7f, 0.8f, 0.95f};
            default -> colour.rgb();
        };
        int bx0 = Math.max(0, (int) Math.floor(Math.min(x0, x1) - halfWidth));
        int bx1 = Math.min(n - 1, (int) Math.ceil(Math.max(x0, x1) + halfWidth));
        int by0 = Math.max(0, (int) Math.floor(Math.min(y0, y1) - halfWidth));
        int by1 = Math.min(n - 1, (int) Math.ceil(Math.max(y0, y1) + halfWidth));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        for (int y = by0; y <= by1; y++) {
            for (int x = bx0; x <= bx1; x++) {
                double px = x + 0.5 - x0;
                double py = y + 0.5 - y0;
                double t = Math.max(0.0, Math.min(1.0, (px * dx + py * dy) / len2));
                double ex = px - t * dx;
                double ey = py - t * dy;
                if (ex * ex + ey * ey <= halfWidth * halfWidth) {
                    canvas.blend(x, y, rgb[0], rgb[1], rgb[2], 0.85f);
                }
            }
        }
    }

    private static void drawOccluder(Canvas canvas, Occluder o, Style style, long seed) {
        int n = canvas.side;
        int x0 = Math.max(0, (int) Math.floor(o.x0() * n));
        int x1 = Math.min(n, (int) Math.ceil(o.x1() * n));
        int y0 = Math.max(0, (int) Math.floor(o.y0() * n));
        int y1 = Math.min(n, (int) Math.ceil(o.y1() * n));
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                float v = o.grey() + 0.05f * (PixelNoise.uniform(seed ^ 0x7F4A7C15L, x, y) - 0.5f);
                canvas.set(x, y, v, v, style == Style.BLUEPRINT ? v + 0.1f : v);
            }
        }
    }

    private static void addSensorNoise(float[] image, long seed) {
        long noiseSeed = seed ^ 0x3C6EF372FE94F82BL;
        for (int k = 0; k < image.length; k++) {
            float v = image[k] + 0.05f * (PixelNoise.uniform(noiseSeed, k, 0) - 0.5f);
            image[k] = Canvas.clamp(v);
        }
    }
}
