package org.grace.attacks.pgd;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.BallProjection;
import org.grace.attacks.Norm;

/**
 * The steepest-ascent direction of a norm for a gradient g: ℓ∞ {@code sign(g)}, ℓ2
 * {@code g / ||g||_2}. With momentum μ &gt; 0 (FARE's {@code train/pgd_train.py}) the velocity
 * {@code v ← μ v + dir(g)} is accumulated and the step follows {@code dir(v)}.
 */
final class SteepestAscent {

    private SteepestAscent() {}

    static NDArray direction(Norm norm, NDArray g) {
        return norm == Norm.LINF ? g.sign() : BallProjection.unitL2(g);
    }

    /** The new velocity {@code μ v + dir(g)} ({@code v} may be null for zero). */
    static NDArray velocity(Norm norm, NDArray v, NDArray g, double momentum) {
        NDArray d = direction(norm, g);
        return v == null ? d : v.mul((float) momentum).add(d);
    }
}
