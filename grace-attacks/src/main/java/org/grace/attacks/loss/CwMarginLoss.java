package org.grace.attacks.loss;

import ai.djl.ndarray.NDArray;

/**
 * Carlini–Wagner margin loss, maximised: {@code CW(z, y) = min(max_{j≠y} z_j - z_y, κ)}; positive
 * exactly when the sample is misclassified. κ = +∞ gives the plain margin; TeCoA's
 * {@code attack_CW} uses κ = 50. Source: attacks.md §2 (Carlini &amp; Wagner 2017; torchattacks
 * {@code cw.py}). Departure from torchattacks: the true class is masked with a large negative
 * constant, not multiplied by zero (torchattacks issue #184).
 */
public final class CwMarginLoss implements AttackLoss {

    private final double kappa;

    /** @param kappa the cap κ &gt; 0 on the margin (+∞ for none) */
    public CwMarginLoss(double kappa) {
        if (!(kappa > 0)) {
            throw new IllegalArgumentException("CW kappa must be > 0 (or +Infinity); got " + kappa);
        }
        this.kappa = kappa;
    }

    /** The cap κ. */
    public double kappa() {
        return kappa;
    }

    @Override
    public String name() {
        return "cw";
    }

    @Override
    public NDArray perSample(NDArray logits, int[] labels, int[] targets) {
        NDArray oneHot = LogitTerms.oneHot(logits, labels);
        NDArray margin = LogitTerms.maxOther(logits, oneHot).sub(LogitTerms.pick(logits, oneHot));
        return Double.isInfinite(kappa) ? margin : margin.minimum((float) kappa);
    }
}
