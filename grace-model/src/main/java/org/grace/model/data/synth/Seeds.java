package org.grace.model.data.synth;

/**
 * Per-image seeds: every image of the world is drawn from its own
 * {@link java.util.SplittableRandom} seeded by {@code mix(worldSeed, stream, index)}, so an image
 * depends only on those three numbers, never on generation order or thread count.
 *
 * <p>The mix is SplitMix64's finaliser (Steele, Lea, Flood 2014, the same function that
 * {@code SplittableRandom} uses) applied in a chain; it is pure 64-bit integer arithmetic and
 * hence identical on every platform.
 */
final class Seeds {

    private Seeds() {
    }

    /** A well-mixed seed for image {@code index} of stream {@code stream} in world {@code worldSeed}. */
    static long of(long worldSeed, long stream, long index) {
        long h = mix64(worldSeed + 0x9E3779B97F4A7C15L);
        h = mix64(h ^ (stream * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L));
        return mix64(h ^ (index * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
