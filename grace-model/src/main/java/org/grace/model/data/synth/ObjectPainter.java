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
 */
final class ObjectPainter {

    private ObjectPainter() {
    }

    static void paint(Canvas canvas, SceneObject object, Style style, double lightAngle, double strokePx, long seed) {
        int n = canvas.side;
        double radiusPx = object.radius() * n;
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
                paintPixel(canvas, x, y, u, v, isEdge, object.texture(), base, second, style, lx, ly, seed);
            }
        }
    }

    private static void paintPixel(Canvas canvas, int x, int y, double u, double v, boolean isEdge, Texture texture,
                                   float[] base, float[] second, Style style, double lx, double ly, long seed) {
        switch (style) {
            case PHOTO:
            case INVERTED: {
                float[] c = patterned(texture, u, v, base, second, seed, x, y);
                float shade = (float) (0.78 - 0.3 * (u * lx + v * ly));
                float highlight = (float) StrictMath.max(0.0, 0.25 - ((u + 0.4 * lx) * (u + 0.4 * lx)
                        + (v + 0.4 * ly) * (v + 0.4 * ly))) * 1.2f;
                canvas.set(x, y, c[0] * shade + highlight, c[1] * shade + highlight, c[2] * shade + highlight);
                break;
            }
            case FLAT_PAINT:
            case PIXEL_ART: {
                float[] c = patterned(texture, u, v, base, second, seed, x, y);
                float brush = style == Style.FLAT_PAINT ? 0.94f + 0.12f * PixelNoise.smooth(seed, x * 0.4, y, 6.0) : 1f;
                canvas.set(x, y, c[0] * brush, c[1] * brush, c[2] * brush);
                break;
            }
            case CARTOON:
                if (isEdge) {
                    canvas.set(x, y, 0.05f, 0.05f, 0.05f);
                } else {
                    float[] c = patterned(texture, u, v, base, second, seed, x, y);
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

    /** Fill colour at local point {@code (u, v)} for the texture. */
    private static float[] patterned(Texture texture, double u, double v, float[] base, float[] second, long seed,
                                     int x, int y) {
        boolean useSecond;
        switch (texture) {
            case PLAIN:
                useSecond = false;
                break;
            case STRIPED:
                useSecond = ((int) Math.floor((u + 4) * 3.2)) % 2 == 0;
                break;
            case DOTTED: {
                double fu = (u * 2.6 + 8.25) - Math.floor(u * 2.6 + 8.25) - 0.5;
                double fv = (v * 2.6 + 8.25) - Math.floor(v * 2.6 + 8.25) - 0.5;
                useSecond = fu * fu + fv * fv < 0.07;
                break;
            }
            case CHECKERED:
                useSecond = (((int) Math.floor((u + 4) * 2.6)) + ((int) Math.floor((v + 4) * 2.6))) % 2 == 0;
                break;
            case NOISY:
                useSecond = PixelNoise.uniform(seed ^ 0x2545F4914F6CDD1DL, x / 2, y / 2) < 0.35f;
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
