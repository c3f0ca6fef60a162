package org.grace.attacks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Per-sample random streams: the randomness an attack spends on one image depends only on
 * (seed, the image's global sample id, a stream number such as the restart index), never on the
 * batch it happens to share. A stream is a {@link SplittableRandom} seeded with a SplitMix64-style
 * hash of the three numbers.
 *
 * <p>Departure from auto-attack ({@code autopgd_base.py}, {@code square.py}): the reference re-seeds
 * torch's global generator once per {@code perturb} call and draws one tensor for the whole batch,
 * so an image's random start depends on its batch position and size (attacks.md §1.10).
 * Gaussian draws use Box–Muller with {@link StrictMath}, so they are identical on every platform.
 */
public final class SampleStreams {

    private SampleStreams() {}

    /** The stream of {@code sampleId} for {@code stream} under {@code seed}. */
    public static SplittableRandom of(long seed, long sampleId, long stream) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ (sampleId * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L));
        h = mix(h ^ (stream * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL));
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Kinds of noise an attack draws per sample. */
    public enum Noise {
        /** Independent U(-1, 1). */
        UNIFORM_SIGNED,
        /** Independent N(0, 1). */
        GAUSSIAN,
        /** Independent U(0, 1). */
        UNIFORM
    }

    /**
     * Noise of shape [ids.length, perSample...]: row i is drawn from the stream
     * {@code of(seed, ids[i], stream)}.
     */
    public static NDArray noise(NDManager manager, Noise kind, long seed, long[] ids, long stream,
                                Shape perSample) {
        int d = Math.toIntExact(perSample.size());
        float[] data = new float[Math.multiplyExact(ids.length, d)];
        for (int i = 0; i < ids.length; i++) {
            fill(of(seed, ids[i], stream), kind, data, i * d, d);
        }
        long[] dims = new long[perSample.dimension() + 1];
        dims[0] = ids.length;
        System.arraycopy(perSample.getShape(), 0, dims, 1, perSample.dimension());
        return manager.create(data, new Shape(dims));
    }

    /** Fills {@code out[from, from + count)} with draws of {@code kind} from {@code random}. */
    public static void fill(SplittableRandom random, Noise kind, float[] out, int from, int count) {
        switch (kind) {
            case UNIFORM_SIGNED:
                for (int j = 0; j < count; j++) {
                    out[from + j] = (float) (2 * random.nextDouble() - 1);
                }
                break;
            case UNIFORM:
                for (int j = 0; j < count; j++) {
                    out[from + j] = (float) random.nextDouble();
                }
                break;
            default:
                for (int j = 0; j < count; j += 2) {
                    double u1 = 1.0 - random.nextDouble();
                    double u2 = random.nextDouble();
                    double r = StrictMath.sqrt(-2 * StrictMath.log(u1));
                    out[from + j] = (float) (r * StrictMath.cos(2 * StrictMath.PI * u2));
                    if (j + 1 < count) {
                        out[from + j + 1] = (float) (r * StrictMath.sin(2 * StrictMath.PI * u2));
                    }
                }
        }
    }
}
