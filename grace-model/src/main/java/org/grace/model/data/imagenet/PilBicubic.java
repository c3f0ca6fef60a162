package org.grace.model.data.imagenet;

/**
 * Bicubic resampling with Pillow's semantics for 8-bit images ({@code Image.resize(size,
 * Image.BICUBIC)}, Pillow's {@code Resample.c}), so that preprocessing matches
 * torchvision/OpenAI CLIP's {@code Resize(224, BICUBIC)}.
 *
 * <p>Separable convolution, horizontal pass first, then vertical, each pass skipped when that
 * dimension does not change. Kernel: Keys' cubic with {@code a = -0.5},
 * {@code k(x) = ((a+2)|x| - (a+3))x² + 1} for {@code |x| < 1},
 * {@code k(x) = a(|x|³ - 5|x|² + 8|x| - 4)} for {@code 1 ≤ |x| < 2}, else 0. When downscaling by
 * {@code scale = in/out > 1} the kernel is stretched by {@code scale} (support {@code 2·scale}),
 * which is the antialiasing. Output pixel {@code i} is centred at {@code (i + 0.5)·scale} in input
 * coordinates; its taps {@code j} run over {@code [trunc(centre - support + 0.5),
 * trunc(centre + support + 0.5))} clipped to the image, weighted by
 * {@code k((j - centre + 0.5)/max(scale,1))} and normalised to sum 1. Weights are converted to
 * fixed point with 22 fractional bits (rounded half away from zero), the accumulator starts at
 * {@code 2^21} (rounding), and each pass clips to {@code 0..255} — so the intermediate image is
 * 8-bit, as in Pillow. This is written from the algorithm's description and checked against
 * Pillow 12.3's output on test images (see {@code PilBicubicTest}).
 */
public final class PilBicubic {

    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;

    private PilBicubic() {
    }

    /** {@code image} resized to {@code width × height}. */
    public static RgbImage resize(RgbImage image, int width, int height) {
        return resizeCrop(image, width, height, 0, 0, width, height);
    }

    /**
     * The {@code cropWidth × cropHeight} window at {@code (left, top)} of {@code image} resized to
     * {@code width × height}, computing only the output pixels inside the window (and the
     * intermediate rows they need). Every output pixel depends only on its own taps, so the result
     * equals cropping the full resize, at a fraction of the cost for centre crops.
     */
    public static RgbImage resizeCrop(RgbImage image, int width, int height, int left, int top, int cropWidth,
                                      int cropHeight) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("target size must be at least 1x1, got " + width + "x" + height);
        }
        if (left < 0 || top < 0 || cropWidth < 1 || cropHeight < 1 || left + cropWidth > width
                || top + cropHeight > height) {
            throw new IllegalArgumentException("crop " + cropWidth + "x" + cropHeight + " at (" + left + "," + top
                    + ") does not fit in " + width + "x" + height);
        }
        Taps vertical = height != image.height() ? taps(image.height(), height) : null;
        int firstRow = top;
        int endRow = top + cropHeight;
        if (vertical != null) {
            firstRow = vertical.start()[top];
            endRow = 0;
            for (int y = top; y < top + cropHeight; y++) {
                endRow = Math.max(endRow, vertical.start()[y] + vertical.weights()[y].length);
            }
        }
        int[] mid = horizontalRows(image, width, left, cropWidth, firstRow, endRow);
        if (vertical == null) {
            return new RgbImage(cropWidth, cropHeight, mid);
        }
        int[] out = new int[cropWidth * cropHeight * 3];
        for (int y = 0; y < cropHeight; y++) {
            int[] k = vertical.weights()[top + y];
            int first = vertical.start()[top + y] - firstRow;
            int stride = cropWidth * 3;
            for (int x = 0; x < cropWidth; x++) {
                int r = 1 << (PRECISION_BITS - 1);
                int g = r;
                int b = r;
                int p = first * stride + x * 3;
                for (int j = 0; j < k.length; j++, p += stride) {
                    r += mid[p] * k[j];
                    g += mid[p + 1] * k[j];
                    b += mid[p + 2] * k[j];
                }
                int o = (y * cropWidth + x) * 3;
                out[o] = clip8(r);
                out[o + 1] = clip8(g);
                out[o + 2] = clip8(b);
            }
        }
        return new RgbImage(cropWidth, cropHeight, out);
    }

    /** Horizontal pass to {@code width} for input rows {@code [firstRow, endRow)}, output columns {@code [left, left+count)}. */
    private static int[] horizontalRows(RgbImage in, int width, int left, int count, int firstRow, int endRow) {
        int rows = endRow - firstRow;
        int[] src = in.data();
        int[] dst = new int[rows * count * 3];
        if (width == in.width()) {
            for (int y = 0; y < rows; y++) {
                System.arraycopy(src, ((firstRow + y) * in.width() + left) * 3, dst, y * count * 3, count * 3);
            }
            return dst;
        }
        Taps taps = taps(in.width(), width);
        for (int y = 0; y < rows; y++) {
            int row = (firstRow + y) * in.width();
            for (int x = 0; x < count; x++) {
                int[] k = taps.weights()[left + x];
                int r = 1 << (PRECISION_BITS - 1);
                int g = r;
                int b = r;
                int p = (row + taps.start()[left + x]) * 3;
                for (int j = 0; j < k.length; j++, p += 3) {
                    r += src[p] * k[j];
                    g += src[p + 1] * k[j];
                    b += src[p + 2] * k[j];
                }
                int o = (y * count + x) * 3;
                dst[o] = clip8(r);
                dst[o + 1] = clip8(g);
                dst[o + 2] = clip8(b);
            }
        }
        return dst;
    }

    /** Cubic convolution kernel with {@code a = -0.5}. */
    static double kernel(double x) {
        double a = -0.5;
        double t = Math.abs(x);
        if (t < 1.0) {
            return ((a + 2.0) * t - (a + 3.0)) * t * t + 1;
        }
        if (t < 2.0) {
            return (((t - 5) * t + 8) * t - 4) * a;
        }
        return 0.0;
    }

    /** Taps of one pass: for output {@code i}, first input index {@code start[i]} and fixed-point weights. */
    record Taps(int[] start, int[][] weights) {
    }

    static Taps taps(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        double inv = 1.0 / filterScale;
        int[] start = new int[outSize];
        int[][] weights = new int[outSize][];
        for (int i = 0; i < outSize; i++) {
            double centre = (i + 0.5) * scale;
            int min = (int) (centre - support + 0.5);
            if (min < 0) {
                min = 0;
            }
            int max = (int) (centre + support + 0.5);
            if (max > inSize) {
                max = inSize;
            }
            int count = max - min;
            double[] w = new double[count];
            double sum = 0;
            for (int j = 0; j < count; j++) {
                w[j] = kernel((j + min - centre + 0.5) * inv);
                sum += w[j];
            }
            int[] fixed = new int[count];
            for (int j = 0; j < count; j++) {
                double v = sum != 0 ? w[j] / sum : w[j];
                fixed[j] = v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS)) : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            start[i] = min;
            weights[i] = fixed;
        }
        return new Taps(start, weights);
    }

    private static int clip8(int acc) {
        if (acc >= (1 << PRECISION_BITS << 8)) {
            return 255;
        }
        if (acc <= 0) {
            return 0;
        }
        return acc >> PRECISION_BITS;
    }
}
