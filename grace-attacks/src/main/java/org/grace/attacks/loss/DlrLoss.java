package org.grace.attacks.loss;

import ai.djl.ndarray.NDArray;

/**
 * Difference-of-logits-ratio loss (Croce &amp; Hein 2020), maximised:
 * {@code DLR(z, y) = -(z_y - max_{j≠y} z_j) / (z_π1 - z_π3 + 1e-12)} with π the classes sorted by
 * decreasing logit. Shift- and scale-invariant in z. Needs at least 3 classes.
 * Source: auto-attack {@code autopgd_base.py} {@code dlr_loss}.
 * Known property (auto-attack issue #108): when y is the third-largest logit the loss is constant
 * 1 locally and its gradient vanishes.
 */
public final class DlrLoss implements AttackLoss {

    @Override
    public String name() {
        return "dlr";
    }

    @Override
    public int minClasses() {
        return 3;
    }

    @Override
    public NDArray perSample(NDArray logits, int[] labels, int[] targets) {
        NDArray oneHot = LogitTerms.oneHot(logits, labels);
        NDArray sorted = logits.sort(1);
        NDArray margin = LogitTerms.pick(logits, oneHot).sub(LogitTerms.maxOther(logits, oneHot));
        NDArray scale = LogitTerms.kthLargest(sorted, 1).sub(LogitTerms.kthLargest(sorted, 3))
                .add(1e-12f);
        return margin.div(scale).neg();
    }
}
