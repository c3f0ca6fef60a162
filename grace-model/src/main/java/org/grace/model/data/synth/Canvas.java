package org.grace.model.data.synth;

/**
 * A square RGB float raster in {@code [0,1]} (values may stray outside until
 * {@link #toChw(int)} clamps them), drawn at a multiple of the output resolution and box-filtered
 * down: supersampling gives anti-aliased edges without platform-dependent antialiasing code.
 */
final class Canvas {

    final int side;
    final float[] r;
    final float[] g;
    final float[] b;

    Canvas(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("canvas side must be >= 1, got " + side);
        }
        this.side = side;
        this.r = new float[side * side];
        this.g = new float[side * side];
        this.b = new float[side * side];
    }

    void set(int x, int y, float red, float green, float blue) {
        int k = y * side + x;
        r[k] = red;
        g[k] = green;
        b[k] = blue;
    }

    /** Alpha-blends colour {@code (red, green, blue)} over pixel {@code (x, y)}. */
    void blend(int x, int y, float red, float green, float blue, float alpha) {
        int k = y * side + x;
        r[k] += (red - r[k]) * alpha;
        g[k] += (green - g[k]) * alpha;
        b[k] += (blue - b[k]) * alpha;
    }

    /** Replaces every pixel by {@code 1 - value}. */
    void invert() {
        for (int k = 0; k < r.length; k++) {
            r[k] = 1f - r[k];
            g[k] = 1f - g[k];
            b[k] = 1f - b[k];
        }
    }

    /** Replaces every pixel by its luma (ITU-R 601 weights) in all three channels. */
    void greyscale() {
        for (int k = 0; k < r.length; k++) {
            float y = 0.299f * r[k] + 0.587f * g[k] + 0.114f * b[k];
            r[k] = y;
            g[k] = y;
            b[k] = y;
        }
    }

    /** Rounds every channel to {@code levels} evenly spaced values (posterisation). */
    void quantise(int levels) {
        float steps = levels - 1;
        for (int k = 0; k < r.length; k++) {
            r[k] = Math.round(clamp(r[k]) * steps) / steps;
            g[k] = Math.round(clamp(g[k]) * steps) / steps;
            b[k] = Math.round(clamp(b[k]) * steps) / steps;
        }
    }

    /** Nearest-neighbour enlargement by an integer factor. */
    Canvas enlarge(int factor) {
        Canvas out = new Canvas(side * factor);
        for (int y = 0; y < out.side; y++) {
            for (int x = 0; x < out.side; x++) {
                int k = (y / factor) * side + x / factor;
                out.set(x, y, r[k], g[k], b[k]);
            }
        }
        return out;
    }

    /** Box-filters down to {@code outSide} (which must divide the side) and clamps to {@code [0,1]}; CHW. */
    float[] toChw(int outSide) {
        if (side % outSide != 0) {
            throw new IllegalArgumentException("canvas side " + side + " is not a multiple of " + outSide);
        }
        int f = side / outSide;
        float inv = 1f / (f * f);
        int plane = outSide * outSide;
        float[] out = new float[3 * plane];
        for (int oy = 0; oy < outSide; oy++) {
            for (int ox = 0; ox < outSide; ox++) {
                float sr = 0;
                float sg = 0;
                float sb = 0;
                for (int dy = 0; dy < f; dy++) {
                    int row = (oy * f + dy) * side + ox * f;
                    for (int dx = 0; dx < f; dx++) {
                        sr += r[row + dx];
                        sg += g[row + dx];
                        sb += b[row + dx];
                    }
                }
                int o = oy * outSide + ox;
                out[o] = clamp(sr * inv);
                out[plane + o] = clamp(sg * inv);
                out[2 * plane + o] = clamp(sb * inv);
            }
        }
        return out;
    }

    static float clamp(float v) {
        return v < 0f ? 0f : (v > 1f ? 1f : v);
    }
}
