package org.grace.model.train;

import ai.djl.ndarray.NDManager;

import java.util.SplittableRandom;

/**
 * What a {@link StepFunction} gets for one training step.
 *
 * @param step 1-based index of the update this step computes (step k follows the checkpoint of step k−1)
 * @param totalSteps the run's T
 * @param manager a fresh manager closed after the step: create the batch and every temporary in it
 * @param random a stream seeded by {@link #seedFor(long, int)} from (config seed, step) only, so data
 *     order and augmentation are the same whether or not the run was resumed
 */
public record StepContext(int step, int totalSteps, NDManager manager, SplittableRandom random) {

    /**
     * The seed of step {@code step}'s stream: SplitMix64's finaliser (Steele, Lea &amp; Flood,
     * "Fast splittable pseudorandom number generators", OOPSLA 2014) applied to
     * {@code seed + step · 0x9E3779B97F4A7C15}, so neighbouring steps get unrelated streams.
     */
    public static long seedFor(long seed, int step) {
        long z = seed + step * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
