package org.grace.attacks.loss;

import ai.djl.ndarray.NDArray;

/**
 * Targeted DLR loss, maximised by APGD-T:
 * {@code DLR_t(z, y, t) = -(z_y - z_t) / (z_π1 - (z_π3 + z_π4)/2 + 1e-12)}.
 * Needs at least 4 classes. Source: auto-attack {@code autopgd_base.py}
 * {@code APGDAttack_targeted.dlr_loss_targeted}.
 */
public final class TargetedDlrLoss implements AttackLoss {

    @Override
    public String name() {
        return "dlr-targeted";
    }

    @Override
    public boolean targeted() {
        return true;
    }

    @Override
    public int minClasses() {
        return 4;
    }

    @Override
    public NDArray perSample(NDArray logits, int[] labels, int[] targets) {
        if (targets == null || targets.length != labels.length) {
            throw new IllegalArgumentException("targeted DLR needs one target per label; got "
                    + (targets == null ? "none" : targets.length + " for " + labels.length));
        }
        NDArray sorted = logits.sort(1);
        NDArray gap = LogitTerms.pick(logits, LogitTerms.oneHot(logits, labels))
                .sub(LogitTerms.pick(logits, LogitTerms.oneHot(logits, targets)));
        NDArray scale = LogitTerms.kthLargest(sorted, 1)
                .sub(LogitTerms.kthLargest(sorted, 3).add(LogitTerms.kthLargest(sorted, 4)).mul(0.5f))
                .add(1e-12f);
        return gap.div(scale).neg();
    }
}
