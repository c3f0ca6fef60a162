package org.grace.model.data.synth;

/**
 * Fixed (untrained) feature maps for the reference classifiers of the adversarial filtration.
 *
 * <ul>
 *   <li>{@link #HOG_COLOUR}: histograms of oriented gradients of the luma (Dalal and Triggs 2005)
 *       on a 4×4 grid of cells with 8 unsigned orientation bins, magnitude-weighted and
 *       L2-normalised over the image (128 values), plus a 4-bin histogram per colour channel
 *       (12 values).</li>
 *   <li>{@link #PIXELS_EDGES}: the luma average-pooled to 8×8 (64 values), a coarse HOG with 2×2
 *       cells and 12 bins (48 values), and the mean colour of the central quarter (3 values).</li>
 * </ul>
 * The two maps see different evidence, so requiring both models to fail (A-Plus) is a stricter
 * filter than requiring one to.
 */
public enum ReferenceFeatures {
    HOG_COLOUR,
    PIXELS_EDGES;

    /** Features of a CHW image of side {@code size}. */
    public float[] extract(float[] chw, int size) {
        float[] luma = luma(chw, size);
        if (this == HOG_COLOUR) {
            float[] hog = hog(luma, size, 4, 8);
            float[] hist = colourHistogram(chw, size, 4);
            return concat(hog, hist);
        }
        return concat(concat(pool(luma, size, 8), hog(luma, size, 2, 12)), centreColour(chw, size));
    }

    private static float[] luma(float[] chw, int size) {
        int plane = size * size;
        float[] y = new float[plane];
        for (int k = 0; k < plane; k++) {
            y[k] = 0.299f * chw[k] + 0.587f * chw[plane + k] + 0.114f * chw[2 * plane + k];
        }
        return y;
    }

    private static float[] hog(float[] luma, int size, int cells, int bins) {
        float[] h = new float[cells * cells * bins];
        int cellSide = size / cells;
        for (int y = 1; y < size - 1; y++) {
            for (int x = 1; x < size - 1; x++) {
                float gx = luma[y * size + x + 1] - luma[y * size + x - 1];
                float gy = luma[(y + 1) * size + x] - luma[(y - 1) * size + x];
                float mag = (float) StrictMath.sqrt(gx * gx + gy * gy);
                if (mag == 0f) {
                    continue;
                }
                double angle = StrictMath.atan2(gy, gx);
                if (angle < 0) {
                    angle += StrictMath.PI;
                }
                int bin = Math.min(bins - 1, (int) (angle / StrictMath.PI * bins));
                int cell = Math.min(cells - 1, y / cellSide) * cells + Math.min(cells - 1, x / cellSide);
                h[cell * bins + bin] += mag;
            }
        }
        double norm = 0;
        for (float v : h) {
            norm += v * v;
        }
        float inv = (float) (1.0 / StrictMath.sqrt(norm + 1e-6));
        for (int k = 0; k < h.length; k++) {
            h[k] *= inv;
        }
        return h;
    }

    private static float[] colourHistogram(float[] chw, int size, int bins) {
        int plane = size * size;
        float[] h = new float[3 * bins];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < plane; k++) {
                int bin = Math.min(bins - 1, (int) (chw[c * plane + k] * bins));
                h[c * bins + bin] += 1f / plane;
            }
        }
        return h;
    }

    private static float[] pool(float[] luma, int size, int out) {
        float[] p = new float[out * out];
        int f = size / out;
        for (int y = 0; y < out * f; y++) {
            for (int x = 0; x < out * f; x++) {
                p[(y / f) * out + x / f] += luma[y * size + x] / (f * f);
            }
        }
        return p;
    }

    private static float[] centreColour(float[] chw, int size) {
        int plane = size * size;
        float[] m = new float[3];
        int lo = size / 4;
        int hi = size - size / 4;
        float n = (hi - lo) * (hi - lo);
        for (int c = 0; c < 3; c++) {
            for (int y = lo; y < hi; y++) {
                for (int x = lo; x < hi; x++) {
                    m[c] += chw[c * plane + y * size + x] / n;
                }
            }
        }
        return m;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
