package org.grace.attacks.loss;

import ai.djl.ndarray.NDArray;

/**
 * Cross-entropy of the true class: {@code CE(z, y) = -log softmax(z)_y = logsumexp(z) - z_y}.
 * Source: auto-attack {@code autopgd_base.py}, {@code nn.CrossEntropyLoss(reduction='none')}.
 */
public final class CrossEntropyLoss implements AttackLoss {

    @Override
    public String name() {
        return "ce";
    }

    @Override
    public NDArray perSample(NDArray logits, int[] labels, int[] targets) {
        NDArray oneHot = LogitTerms.oneHot(logits, labels);
        return LogitTerms.pick(logits.logSoftmax(1), oneHot).neg();
    }
}
