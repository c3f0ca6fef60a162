package org.grace.model.data.synth;

/**
 * Draws one {@link SceneObject} into a canvas in a given style.
 *
 * <p>Each canvas pixel centre is mapped to the object's local frame, {@code (u, v) =
 * R(-rotation) (p - centre) / radius}, and tested against {@link Shape#contains}. Outline styles
 * (sketch, cartoon, blueprint) mark a pixel as edge when it is inside but one of its four
 * neighbours at the stroke width is not. Photo style multiplies the textured fill by a directional
 * shading term {@code 0.78 - 0.3 (u cos a + v sin a)} (light from angle {@code a}), giving the
 * "shaded, textured" look; renditions use flat fills.
 *
 * <p>Textures turn with the object but have a fixed period of {@value #TEXTURE_PERIOD} output
 * pixels, the side of one ViT patch of the tiny CLIP: stripes and checks of half-period bands,
 * dots of radius 0.27 periods on a one-period grid, speckle in quarter-period blocks. An earlier
 * world scaled the patterns with the object, so small objects carried 2–3 pixel patterns that a
 * patch embedding barely resolves and the speckle fell below one output pixel; zero-shot texture
 * transfer stayed near chance.
 */
final class ObjectPainter {

    /** Texture period in output pixels. */
    static final double TEXTURE_PERIOD = 8.0;

    private ObjectPainter() {
    }

    /**
     * @param outputPixel canvas pixels per output pixel (the supersampling factor, or 1/2 for
     *                    pixel art's half-size canvas)
     */
    static void paint(Canvas canvas, SceneObject object, Style style, double lightAngle, double strokePx,
                      double outputPixel, long seed) {
        int n = canvas.side;
        double radiusPx = object.radius() * n;
        double textureScale = radiusPx / outputPixel / TEXTURE_PERIOD;
        double cx = object.cx() * n;
        double cy = object.cy() * n;
        double cos = StrictMath.cos(object.rotation());
        double sin = StrictMath.sin(object.rotation());
        double lx = StrictMath.cos(lightAngle);
        double ly = StrictMath.sin(lightAngle);
        double edge = strokePx / radiusPx;
        float[] base = object.colour().rgb();
        float[] second = secondColour(base, object.lighterPattern());
        int x0 = Math.max(0, (int) Math.floor(cx - radiusPx) - 1);
        int x1 = Math.min(n - 1, (int) Math.ceil(cx + radiusPx) + 1);
        int y0 = Math.max(0, (int) Math.floor(cy - radiusPx) - 1);
        int y1 = Math.min(n - 1, (int) Math.ceil(cy + radiusPx) + 1);
        Shape shape = object.shape();
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = (x + 0.5 - cx) / radiusPx;
                double dy = (y + 0.5 - cy) / radiusPx;
                double u = cos * dx + sin * dy;
                double v = -sin * dx + cos * dy;
                if (!shape.contains(u, v)) {
                    continue;
                }
                boolean isEdge = style == Style.SKETCH || style == Style.CARTOON || style == Style.BLUEPRINT
                        ? !(shape.contains(u + edge, v) && shape.contains(u - edge, v)
                        && shape.contains(u, v + edge) && shape.contains(u, v - edge))
                        : false;
                paintPixel(canvas, x, y, u, v, u * textureScale, v * textureScale, isEdge, object.texture(), base, second,
                        style, lx, ly, seed);
            }
        }
    }

    /** {@code (s, t)}: the local point in texture periods. */
    private static void paintPixel(Canvas canvas, int x, int y, double u, double v, double s, double t, boolean isEdge,
                                   Texture texture, float[] base, float[] second, Style style, double lx, double ly,
                                   long seed) {
        switch (style) {
            case PHOTO:
            case INVERTED: {
                float[] c = patterned(texture, s, t, base, second, seed);
                float shade = (float) (0.78 - 0.3 * (u * lx + v * ly));
                float highlight = (float) StrictMath.max(0.0, 0.25 - ((u + 0.4 * lx) * (u + 0.4 * lx)
                        + (v + 0.4 * ly) * (v + 0.4 * ly))) * 1.2f;
                canvas.set(x, y, c[0] * shade + highlight, c[1] * shade + highlight, c[2] * shade + highlight);
                break;
            }
            case FLAT_PAINT:
            case PIXEL_ART: {
                float[] c = patterned(texture, s, t, base, second, seed);
                float brush = style == Style.FLAT_PAINT ? 0.94f + 0.12f * PixelNoise.smooth(seed, x * 0.4, y, 6.0) : 1f;
                canvas.set(x, y, c[0] * brush, c[1] * brush, c[2] * brush);
                break;
            }
            case CARTOON:
                if (isEdge) {
                    canvas.set(x, y, 0.05f, 0.05f, 0.05f);
                } else {
                    float[] c = patterned(texture, s, t, base, second, seed);
                    canvas.set(x, y, c[0], c[1], c[2]);
                }
                break;
            case SKETCH:
                if (isEdge) {
                    float ink = 0.12f + 0.25f * PixelNoise.uniform(seed, x, y);
                    canvas.set(x, y, ink, ink, ink);
                } else {
                    double hatch = (u - v) * 3.0;
                    if (hatch - Math.floor(hatch) < 0.18) {
                        canvas.blend(x, y, 0.45f, 0.45f, 0.45f, 0.5f);
                    }
                }
                break;
            case SILHOUETTE:
                canvas.set(x, y, 0.08f, 0.08f, 0.1f);
                break;
            case BLUEPRINT:
                if (isEdge) {
                    canvas.set(x, y, 0.92f, 0.95f, 1.0f);
                }
                break;
            default:
                throw new IllegalStateException("no object painting for style " + style);
        }
    }

    /** Fill colour at local point {@code (s, t)}, in texture periods, for the texture. */
    private static float[] patterned(Texture texture, double s, double t, float[] base, float[] second, long seed) {
        boolean useSecond;
        switch (texture) {
            case PLAIN:
                useSecond = false;
                break;
            case STRIPED:
                useSecond = Math.floorMod((long) Math.floor(2 * s + 0.5), 2L) == 0;
                break;
            case DOTTED: {
                double fs = s - Math.rint(s);
                double ft = t - Math.rint(t);
                useSecond = fs * fs + ft * ft < 0.27 * 0.27;
                break;
            }
            case CHECKERED:
                useSecond = Math.floorMod((long) Math.floor(2 * s) + (long) Math.floor(2 * t), 2L) == 0;
                break;
            case NOISY:
                useSecond = PixelNoise.uniform(seed ^ 0x2545F4914F6CDD1DL, (int) Math.floor(4 * s) + 1024,
                        (int) Math.floor(4 * t) + 1024) < 0.35f;
                break;
            default:
                throw new IllegalStateException("no pattern for texture " + texture);
        }
        return useSecond ? second : base;
    }

    private static float[] secondColour(float[] base, boolean lighter) {
        float[] c = new float[3];
        for (int k = 0; k < 3; k++) {
            c[k] = lighter ? base[k] + (1f - base[k]) * 0.65f : base[k] * 0.35f;
        }
        return c;
    }
}
