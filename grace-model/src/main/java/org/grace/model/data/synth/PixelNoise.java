package org.grace.model.data.synth;

/**
 * Stateless per-pixel noise: a hash of {@code (seed, x, y)} mapped to {@code [0,1)}. Unlike drawing
 * from a random generator pixel by pixel, the value does not depend on the order pixels are
 * visited, and it is pure integer arithmetic, identical on every platform.
 */
final class PixelNoise {

    private PixelNoise() {
    }

    /** Uniform value in {@code [0,1)} for pixel {@code (x, y)}. */
    static float uniform(long seed, int x, int y) {
        long h = Seeds.mix64(seed ^ ((long) x * 0x9E3779B97F4A7C15L) ^ ((long) y * 0xC2B2AE3D27D4EB4FL));
        return (h >>> 40) * 0x1.0p-24f;
    }

    /**
     * Smooth value noise in {@code [0,1)}: {@link #uniform} on a lattice of spacing {@code cell}
     * pixels, bilinearly interpolated.
     */
    static float smooth(long seed, double x, double y, double cell) {
        double gx = x / cell;
        double gy = y / cell;
        int x0 = (int) Math.floor(gx);
        int y0 = (int) Math.floor(gy);
        float fx = (float) (gx - x0);
        float fy = (float) (gy - y0);
        float a = uniform(seed, x0, y0);
        float b = uniform(seed, x0 + 1, y0);
        float c = uniform(seed, x0, y0 + 1);
        float d = uniform(seed, x0 + 1, y0 + 1);
        float top = a + (b - a) * fx;
        float bottom = c + (d - c) * fx;
        return top + (bottom - top) * fy;
    }
}
