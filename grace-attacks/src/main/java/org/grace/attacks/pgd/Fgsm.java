package org.grace.attacks.pgd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.Attack;
import org.grace.attacks.BallProjection;
import org.grace.attacks.Classifier;
import org.grace.attacks.LossGradient;
import org.grace.attacks.Norm;
import org.grace.attacks.loss.AttackLoss;
import org.grace.attacks.loss.CrossEntropyLoss;

/**
 * Fast gradient sign method (Goodfellow et al. 2015), one step from the clean point:
 * ℓ∞ {@code x_adv = clip(x + ε·sign(∇_x CE(x, y)), 0, 1)}; ℓ2 (fast gradient method)
 * {@code x_adv = clip(x + ε·g/||g||_2, 0, 1)}. Source: torchattacks {@code fgsm.py} (attacks.md §2).
 * Departure: the loss may be any untargeted {@link AttackLoss} (default cross-entropy).
 */
public final class Fgsm extends Attack {

    private final AttackLoss loss;

    public Fgsm(Norm norm, double eps) {
        this(norm, eps, new CrossEntropyLoss());
    }

    public Fgsm(Norm norm, double eps, AttackLoss loss) {
        super("fgsm", norm, eps);
        if (norm == Norm.L1) {
            throw new IllegalArgumentException("FGSM supports norms Linf and L2; got L1");
        }
        if (loss == null || loss.targeted()) {
            throw new IllegalArgumentException("FGSM needs an untargeted loss; got "
                    + (loss == null ? "null" : loss.name()));
        }
        this.loss = loss;
    }

    @Override
    protected void requireModel(Classifier model) {
        loss.requireClasses(model.numClasses());
    }

    @Override
    protected NDArray run(Classifier model, NDArray x, int[] labels, long[] ids, NDManager work) {
        NDArray grad = LossGradient.at(model, x, loss, labels, null).gradient();
        NDArray step = SteepestAscent.direction(norm(), grad).mul((float) eps());
        return BallProjection.project(norm(), x.add(step), x, eps());
    }
}
