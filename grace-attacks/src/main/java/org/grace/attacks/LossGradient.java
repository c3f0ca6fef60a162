package org.grace.attacks;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import org.grace.attacks.loss.AttackLoss;

/**
 * One forward + backward pass: logits, the per-sample loss and its gradient with respect to the
 * input, computed by back-propagating {@code Σ_i loss_i} (so sample i's gradient is
 * ∂loss_i/∂x_i whatever the batch). All three results are detached and live in {@code x}'s
 * manager. A classifier whose output does not depend on the input yields a zero gradient.
 */
public record LossGradient(NDArray logits, NDArray loss, NDArray gradient) {

    /** Forward and backward at {@code x} (which is not modified). */
    public static LossGradient at(Classifier model, NDArray x, AttackLoss loss, int[] labels,
                                  int[] targets) {
        // A detached alias (no copy) becomes the leaf whose gradient we read; x itself is untouched.
        NDArray input = x.stopGradient();
        input.setRequiresGradient(true);
        try (GradientCollector collector = x.getManager().getEngine().newGradientCollector()) {
            NDArray logits = model.logits(input);
            NDArray perSample = loss.perSample(logits, labels, targets);
            try {
                collector.backward(perSample.sum());
            } catch (EngineException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not require grad")) {
                    // The output is detached from the input: its input gradient is zero.
                    return new LossGradient(logits.stopGradient(), perSample.stopGradient(),
                            input.zerosLike());
                }
                throw e;
            }
            return new LossGradient(logits.stopGradient(), perSample.stopGradient(),
                    input.getGradient());
        }
    }

    /**
     * Expectation over transformation: averages gradient and loss over {@code passes} passes
     * (auto-attack {@code eot_iter}); logits are those of the last pass.
     */
    public static LossGradient averaged(Classifier model, NDArray x, AttackLoss loss, int[] labels,
                                        int[] targets, int passes) {
        LossGradient first = at(model, x, loss, labels, targets);
        if (passes == 1) {
            return first;
        }
        NDArray gradSum = first.gradient();
        NDArray lossSum = first.loss();
        NDArray logits = first.logits();
        for (int pass = 1; pass < passes; pass++) {
            LossGradient next = at(model, x, loss, labels, targets);
            gradSum = gradSum.add(next.gradient());
            lossSum = lossSum.add(next.loss());
            logits = next.logits();
        }
        return new LossGradient(logits, lossSum.div(passes), gradSum.div(passes));
    }
}
