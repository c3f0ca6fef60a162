package org.grace.model.data.synth;

/**
 * Paints a scene's background into a canvas. Photo-like styles get procedural textures (grass
 * blades, sky gradient with clouds, rippled sand, brick courses); renditions get the background's
 * flat colour; sketches are drawn on paper and ignore the background; silhouettes and blueprints
 * have their own fixed grounds. All patterns are functions of pixel position and the image seed.
 */
final class BackgroundPainter {

    private BackgroundPainter() {
    }

    /** The background's representative colour (the flat colour renditions use). */
    static float[] flatColour(Background background) {
        switch (background) {
            case WHITE:
                return new float[] {0.93f, 0.93f, 0.91f};
            case BLACK:
                return new float[] {0.07f, 0.07f, 0.08f};
            case GRASS:
                return new float[] {0.30f, 0.56f, 0.18f};
            case SKY:
                return new float[] {0.52f, 0.74f, 0.96f};
            case SAND:
                return new float[] {0.87f, 0.77f, 0.55f};
            case BRICK:
                return new float[] {0.64f, 0.25f, 0.17f};
            default:
                throw new IllegalStateException("no colour for background " + background);
        }
    }

    static void paint(Canvas canvas, Style style, Background background, long seed) {
        int n = canvas.side;
        float[] flat = flatColour(background);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                float fx = (x + 0.5f) / n;
                float fy = (y + 0.5f) / n;
                switch (style) {
                    case PHOTO:
                    case INVERTED:
                        photo(canvas, background, flat, x, y, fx, fy, seed);
                        break;
                    case SKETCH: {
                        float paper = 0.95f - 0.05f * PixelNoise.smooth(seed, x, y, n / 4.0)
                                + 0.03f * (PixelNoise.uniform(seed, x, y) - 0.5f);
                        canvas.set(x, y, paper, paper, paper);
                        break;
                    }
                    case FLAT_PAINT: {
                        float brush = 0.92f + 0.16f * PixelNoise.smooth(seed, x, y * 0.3, n / 5.0);
                        canvas.set(x, y, flat[0] * brush, flat[1] * brush, flat[2] * brush);
                        break;
                    }
                    case CARTOON:
                    case PIXEL_ART:
                        canvas.set(x, y, flat[0], flat[1], flat[2]);
                        break;
                    case SILHOUETTE: {
                        float shade = 0.9f - 0.08f * fy;
                        canvas.set(x, y, shade, shade * 0.97f, shade * 0.9f);
                        break;
                    }
                    case BLUEPRINT: {
                        boolean line = ((int) (fx * 8 * 4)) % 4 == 0 || ((int) (fy * 8 * 4)) % 4 == 0;
                        canvas.set(x, y, line ? 0.28f : 0.12f, line ? 0.42f : 0.27f, line ? 0.74f : 0.62f);
                        break;
                    }
                    default:
                        throw new IllegalStateException("no background for style " + style);
                }
            }
        }
    }

    private static void photo(Canvas canvas, Background background, float[] flat, int x, int y, float fx, float fy,
                              long seed) {
        int n = canvas.side;
        float grain = PixelNoise.uniform(seed, x, y) - 0.5f;
        switch (background) {
            case WHITE:
            case BLACK: {
                float v = 0.06f * (PixelNoise.smooth(seed, x, y, n / 3.0) - 0.5f) + 0.02f * grain;
                canvas.set(x, y, flat[0] + v, flat[1] + v, flat[2] + v);
                break;
            }
            case GRASS: {
                float blade = PixelNoise.smooth(seed, x, y * 0.12, n / 24.0);
                float m = 0.7f + 0.6f * blade;
                canvas.set(x, y, flat[0] * m, flat[1] * m + 0.03f * grain, flat[2] * m);
                break;
            }
            case SKY: {
                float cloud = PixelNoise.smooth(seed, x, y * 1.8, n / 3.0);
                float c = cloud > 0.62f ? Math.min(1f, (cloud - 0.62f) * 4f) : 0f;
                float r = 0.36f + 0.34f * fy;
                float g = 0.60f + 0.25f * fy;
                float b = 0.95f + 0.05f * fy;
                canvas.set(x, y, r + (0.97f - r) * c, g + (0.97f - g) * c, b + (0.98f - b) * c);
                break;
            }
            case SAND: {
                double phase = 2 * StrictMath.PI * (fy * 7 + 0.6 * PixelNoise.smooth(seed, x, y, n / 4.0));
                float ripple = (float) (0.05 * StrictMath.sin(phase));
                float v = ripple + 0.08f * grain;
                canvas.set(x, y, flat[0] + v, flat[1] + v, flat[2] + v);
                break;
            }
            case BRICK: {
                int course = (int) (fy * 6);
                float shifted = fx * 3 + (course % 2 == 0 ? 0f : 0.5f);
                float inCourse = fy * 6 - course;
                float inBrick = shifted - (float) Math.floor(shifted);
                boolean mortar = inCourse < 0.1f || inBrick < 0.05f;
                if (mortar) {
                    float m = 0.72f + 0.05f * grain;
                    canvas.set(x, y, m, m, m * 0.95f);
                } else {
                    float tone = 0.85f + 0.3f * PixelNoise.uniform(seed ^ 0x5DEECE66DL, (int) Math.floor(shifted), course)
                            + 0.06f * grain;
                    canvas.set(x, y, flat[0] * tone, flat[1] * tone, flat[2] * tone);
                }
                break;
            }
            default:
                throw new IllegalStateException("no photo background for " + background);
        }
    }
}
