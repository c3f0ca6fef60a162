package org.grace.model.data;

import java.util.SplittableRandom;

/**
 * Orders in which a split is visited: identity, or a deterministic shuffle.
 *
 * <p>The shuffle is Fisher–Yates driven by {@link SplittableRandom} seeded with
 * {@code seed}, so the same {@code (n, seed)} gives the same permutation on every platform and JVM.
 * Epoch {@code e} of a training run should use {@code shuffled(n, seed, e)}, which mixes the epoch
 * into the seed so that epochs differ but each one is reproducible on its own.
 */
public final class IndexOrder {

    private IndexOrder() {
    }

    /** {@code 0, 1, ..., n-1}. */
    public static int[] identity(int n) {
        requireNonNegative(n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** A permutation of {@code 0..n-1} determined by {@code seed}. */
    public static int[] shuffled(int n, long seed) {
        int[] order = identity(n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The shuffle of epoch {@code epoch}: {@link #shuffled(int, long)} with the epoch mixed into the seed. */
    public static int[] shuffled(int n, long seed, int epoch) {
        return shuffled(n, new SplittableRandom(seed).split().nextLong() ^ (0x9E3779B97F4A7C15L * (epoch + 1L)));
    }

    private static void requireNonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("order length must be >= 0, got " + n);
        }
    }
}
