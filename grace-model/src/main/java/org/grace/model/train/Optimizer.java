package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.io.FloatTensor;

import java.util.Map;

/**
 * Updates parameters in place from their gradients, keeping per-parameter state by name.
 *
 * <p>Updates run outside any gradient collector, where DJL's PyTorch engine has autograd off (it
 * disables grad mode when it starts and every collector restores the previous mode), so in-place
 * writes to leaves that require gradients are allowed and nothing is recorded. Arithmetic is
 * float32 NDArray arithmetic; scalar coefficients (bias corrections, decay factors) are computed in
 * double with {@link StrictMath} and rounded to float once. Parameters without a gradient are
 * skipped, as PyTorch skips {@code p.grad is None}.
 */
public interface Optimizer extends AutoCloseable {

    /** The kind, which checkpoints record. */
    OptimizerKind kind();

    /**
     * One update of every parameter with learning rate {@code lr}; increments {@link #stepCount()}.
     *
     * @param scratch manager for temporaries, closed by the caller
     */
    void step(Map<String, NDArray> parameters, double lr, NDManager scratch);

    /** Number of updates applied so far (PyTorch's {@code state["step"]}). */
    long stepCount();

    /**
     * The state as float tensors named {@code <parameter>/<slot>} (slots: {@code exp_avg},
     * {@code exp_avg_sq} for AdamW, {@code momentum_buffer} for SGD), copied to the heap.
     */
    Map<String, FloatTensor> exportState();

    /**
     * Replaces the state with an exported one.
     *
     * @throws IllegalArgumentException naming a tensor that is not a slot of one of
     *     {@code parameters} or whose shape differs from its parameter's
     */
    void importState(Map<String, FloatTensor> state, long stepCount, Map<String, NDArray> parameters);

    /** Frees the state arrays. */
    @Override
    void close();

    /** A fresh optimiser of {@code config}'s kind whose state lives in a sub-manager of {@code manager}. */
    static Optimizer create(OptimizerConfig config, NDManager manager) {
        return switch (config.kind()) {
            case ADAMW -> new AdamW(config, manager);
            case SGD -> new Sgd(config, manager);
        };
    }
}
