package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * One tensor SPD watches: its displacement θ − θ₀ from its anchor, the raw loss gradient with
 * respect to θ from the last backward pass, and the pull θ ← θ − k·(θ − θ₀).
 */
interface DecayUnit {

    /** Name for diagnostics. */
    String name();

    /** θ − θ₀ now, detached, in {@code manager}. */
    NDArray displacement(NDManager manager);

    /** ∂L/∂θ of the last backward pass, detached, in {@code manager}. */
    NDArray gradient(NDManager manager);

    /**
     * Called just before each forward pass: clears what {@link #gradient} reads and keeps (in
     * {@code state}, which lives until the next call) whatever else it needs from the weights the
     * pass will use.
     */
    void beforeForward(NDManager state);

    /** θ ← θ − coefficient·(θ − θ₀). */
    void decay(double coefficient, NDManager scratch);
}
