package org.grace.model.data;

/**
 * How {@link Batches} groups and prefetches a split.
 *
 * @param batchSize       examples per batch (the last batch may be smaller unless {@code dropLast})
 * @param threads         worker threads that decode or generate images; 0 means everything runs on
 *                        the consuming thread (no prefetch)
 * @param prefetchBatches how many batches ahead of the consumer the workers may run (at least 1
 *                        when {@code threads > 0})
 * @param dropLast        drop a final incomplete batch (as PyTorch's {@code drop_last})
 */
public record BatchOptions(int batchSize, int threads, int prefetchBatches, boolean dropLast) {

    public BatchOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        if (prefetchBatches < 0 || (threads > 0 && prefetchBatches < 1)) {
            throw new IllegalArgumentException(
                    "prefetchBatches must be >= 1 when threads > 0 (>= 0 otherwise), got " + prefetchBatches);
        }
    }

    /** Batch size {@code batchSize}, one worker per available core, two batches of prefetch, keep the last batch. */
    public static BatchOptions parallel(int batchSize) {
        return new BatchOptions(batchSize, Runtime.getRuntime().availableProcessors(), 2, false);
    }

    /** Batch size {@code batchSize}, computed on the consuming thread. */
    public static BatchOptions sequential(int batchSize) {
        return new BatchOptions(batchSize, 0, 0, false);
    }
}
