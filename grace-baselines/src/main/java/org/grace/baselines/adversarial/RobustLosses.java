package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.loss.CrossEntropyLoss;

/**
 * The differentiable batch losses of the adversarial baselines, each averaged over the batch.
 * Only array operands multiply or divide (DJL frees a Java-number operand before backward).
 */
final class RobustLosses {

    private static final CrossEntropyLoss CROSS_ENTROPY = new CrossEntropyLoss();

    private RobustLosses() {
    }

    /** {@code mean_i CE(z_i, y_i)} for logits z [B,C]. */
    static NDArray crossEntropy(NDArray logits, int[] labels) {
        return CROSS_ENTROPY.perSample(logits, labels, null).mean();
    }

    /**
     * {@code mean_i KL(softmax(target_i) ‖ softmax(input_i)) = mean_i Σ_c p_c (log p_c − log q_c)}
     * ("batchmean"), the direction of PyTorch's {@code KLDivLoss(log_softmax(input), softmax(target))}.
     * Gradients flow through both arguments unless the caller detaches one.
     */
    static NDArray klDivergence(NDArray targetLogits, NDArray inputLogits) {
        NDArray logP = targetLogits.logSoftmax(1);
        NDArray logQ = inputLogits.logSoftmax(1);
        return logP.exp().mul(logP.sub(logQ)).sum(new int[] {1}).mean();
    }

    /** Per-sample squared ℓ2 distance {@code Σ_d (a − b)²} [B] between embeddings [B,D]. */
    static NDArray squaredDistance(NDArray a, NDArray b) {
        NDArray d = a.sub(b);
        return d.mul(d).sum(new int[] {1});
    }
}
