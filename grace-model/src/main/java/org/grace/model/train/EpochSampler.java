package org.grace.model.train;

import org.grace.model.data.IndexOrder;

/**
 * Which examples step t trains on, as a pure function of (dataset size, seed, batch, t): pass
 * {@code e} over the data is the permutation {@code IndexOrder.shuffled(n, seed, e)}, and step t
 * (1-based) takes entries {@code (t−1)·B … t·B−1} of the concatenated passes. Because nothing else
 * enters, a resumed run sees exactly the batches an uninterrupted run would.
 *
 * @param size number of examples n
 * @param seed seed of the permutations
 * @param batch examples per step B
 */
public record EpochSampler(int size, long seed, int batch) {

    /** Validates the size and the batch. */
    public EpochSampler {
        if (size < 1 || batch < 1) {
            throw new IllegalArgumentException("sampler needs a non-empty dataset and batch, got size " + size + ", batch " + batch);
        }
    }

    /** Dataset indices of step {@code step} (1-based). */
    public int[] indices(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("steps are 1-based, got " + step);
        }
        int[] out = new int[batch];
        long start = (long) (step - 1) * batch;
        int epoch = -1;
        int[] order = null;
        for (int i = 0; i < batch; i++) {
            long position = start + i;
            int e = (int) (position / size);
            if (e != epoch) {
                epoch = e;
                order = IndexOrder.shuffled(size, seed, e);
            }
            out[i] = order[(int) (position % size)];
        }
        return out;
    }
}
