package org.grace.model.adapters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * A low-rank weight perturbation {@code δW = scale · U·V} on one adapted layer, applied on the fly as
 * {@code y += scale · x·Vᵀ·Uᵀ}: the branch in which GRACE's layer-wise adaptive low-rank adversarial
 * weight perturbation (LAR-AWP) lives.
 *
 * <p>It is separate from LoRA so that the adversary can be set, rescaled, re-ranked or removed at
 * every step without touching the LoRA factors or the frozen base weight: removing it restores the
 * layer's output bit for bit, because the branch is simply not evaluated. AWP's "perturb then
 * restore" (Wu et al., 2020) thus needs no weight copies. The rank may differ per layer and change
 * between steps: each {@code set} replaces the factors.
 */
public final class PerturbationBranch {

    private final NDArray u;
    private final NDArray v;
    private float scale;

    /**
     * @param u left factor [out, r]
     * @param v right factor [r, in]
     * @param scale multiplier of the branch output
     */
    public PerturbationBranch(NDArray u, NDArray v, float scale) {
        Shape su = u.getShape();
        Shape sv = v.getShape();
        if (su.dimension() != 2 || sv.dimension() != 2 || su.get(1) != sv.get(0)) {
            throw new IllegalArgumentException("perturbation factors must be U [out,r] and V [r,in], got U " + su + ", V " + sv);
        }
        if (!Float.isFinite(scale)) {
            throw new IllegalArgumentException("perturbation scale must be finite, was " + scale);
        }
        this.u = u;
        this.v = v;
        this.scale = scale;
    }

    /** Contribution for input x [..., in]. */
    public NDArray apply(NDArray x) {
        NDArray down = Linear.linear(x, v).singletonOrThrow();
        // A scalar NDArray kept in the batch's manager, not a Number: DJL closes the scalar it makes for a
        // Number right after the op, and autograd would read its freed buffer in backward (see DjlScalarLifetimeTest).
        return Linear.linear(down, u).singletonOrThrow().muli(x.getManager().create(scale));
    }

    /** δW = scale·U·V [out,in] in the given manager. */
    public NDArray delta(NDManager manager) {
        NDArray d = u.matMul(v).muli(manager.create(scale));
        d.attach(manager);
        return d;
    }

    public NDArray u() {
        return u;
    }

    public NDArray v() {
        return v;
    }

    public int rank() {
        return (int) u.getShape().get(1);
    }

    public float scale() {
        return scale;
    }

    /** Multiplies the branch by {@code factor} (for example to project it onto a radius). */
    public void rescale(float factor) {
        if (!Float.isFinite(factor)) {
            throw new IllegalArgumentException("perturbation rescale factor must be finite, was " + factor);
        }
        scale *= factor;
    }
}
