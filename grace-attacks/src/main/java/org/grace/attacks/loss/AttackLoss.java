package org.grace.attacks.loss;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * A per-sample loss that an attack <em>maximises</em>, computed from logits [N, K].
 *
 * <p>Losses are per sample and the attack back-propagates their sum, so each sample's input
 * gradient is independent of the rest of the batch (auto-attack: {@code loss_indiv.sum()} in
 * {@code autopgd_base.py}). Targeted losses read one target class per sample.
 */
public interface AttackLoss {

    /** auto-attack's name of the loss ('ce', 'dlr', 'dlr-targeted', 'cw'). */
    String name();

    /** Whether {@link #perSample} reads {@code targets}. */
    default boolean targeted() {
        return false;
    }

    /** Smallest number of classes the loss is defined for. */
    default int minClasses() {
        return 2;
    }

    /**
     * Per-sample loss [N] to maximise; {@code targets} is null for untargeted losses.
     * Gradients flow through {@code logits}.
     */
    NDArray perSample(NDArray logits, int[] labels, int[] targets);

    /** Checks that a classifier with {@code numClasses} outputs can use this loss. */
    default void requireClasses(int numClasses) {
        if (numClasses < minClasses()) {
            throw new IllegalArgumentException("loss '" + name() + "' needs at least "
                    + minClasses() + " classes; the classifier has " + numClasses);
        }
    }

    /** Parses 'ce', 'dlr', 'dlr-targeted' or 'cw' (margin without a cap). */
    static AttackLoss parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("loss name is null; expected ce, dlr, dlr-targeted or cw");
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "ce":
                return new CrossEntropyLoss();
            case "dlr":
                return new DlrLoss();
            case "dlr-targeted":
                return new TargetedDlrLoss();
            case "cw":
                return new CwMarginLoss(Double.POSITIVE_INFINITY);
            default:
                throw new IllegalArgumentException(
                        "unknown loss '" + name + "'; expected ce, dlr, dlr-targeted or cw");
        }
    }
}
