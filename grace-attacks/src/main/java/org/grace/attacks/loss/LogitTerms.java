package org.grace.attacks.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Differentiable pieces shared by the margin-type losses: the logit of a chosen class, the
 * largest logit of any other class, and the k-th largest logit.
 */
final class LogitTerms {

    private LogitTerms() {}

    /** One-hot float32 [N, K] of {@code classes}. */
    static NDArray oneHot(NDArray logits, int[] classes) {
        int k = Math.toIntExact(logits.getShape().get(1));
        return logits.getManager().create(classes).oneHot(k).toType(DataType.FLOAT32, false);
    }

    /** z[i, classes[i]] as [N]. */
    static NDArray pick(NDArray logits, NDArray oneHot) {
        return logits.mul(oneHot).sum(new int[] {1});
    }

    /**
     * max over j ≠ y of z[i, j] as [N]. The true class is pushed down by a large constant rather
     * than multiplied by zero, which would be wrong for negative logits (torchattacks issue #184).
     */
    static NDArray maxOther(NDArray logits, NDArray oneHotOfLabel) {
        return logits.sub(oneHotOfLabel.mul(1e30f)).max(new int[] {1});
    }

    /** k-th largest logit per row (k = 1 is the maximum) as [N]. */
    static NDArray kthLargest(NDArray sortedAscending, int k) {
        long classes = sortedAscending.getShape().get(1);
        return sortedAscending.get(":, " + (classes - k));
    }
}
