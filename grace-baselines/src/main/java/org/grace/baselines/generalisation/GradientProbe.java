package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.train.Gradients;

import java.util.List;

/**
 * Reads the raw gradient ∂L/∂W of one linear layer's effective weight without a second backward
 * pass: a zero perturbation δW = P (P a zero array [out,in] that requires a gradient, written as
 * the branch U·V with the other factor an identity of the smaller side) is installed for the
 * forward pass and removed right after it. The output is unchanged (P = 0), and the step's own
 * backward leaves ∂L/∂P = ∂L/∂W in P's gradient, which the training loop neither clips nor zeroes
 * because P is not a trained parameter. It stays readable until {@link #zero}.
 */
final class GradientProbe {

    private final AdaptedLinear layer;
    private final NDArray probe;
    private final NDArray identity;
    private final boolean probeIsRight;

    GradientProbe(AdaptedLinear layer, NDManager manager) {
        this.layer = layer;
        int out = layer.outFeatures();
        int in = layer.inFeatures();
        this.probe = manager.zeros(new Shape(out, in));
        this.probe.setRequiresGradient(true);
        this.probeIsRight = out <= in;
        this.identity = manager.eye(probeIsRight ? out : in);
    }

    /** Installs the zero branch for the next forward pass. */
    void install() {
        if (probeIsRight) {
            layer.setPerturbation(identity, probe, 1f);
        } else {
            layer.setPerturbation(probe, identity, 1f);
        }
    }

    /** Removes the branch (the graph already built keeps it). */
    void remove() {
        layer.removePerturbation();
    }

    /** ∂L/∂W from the last backward pass, detached, in {@code manager}. */
    NDArray gradient(NDManager manager) {
        NDArray g = probe.getGradient();
        g.attach(manager);
        return g;
    }

    void zero(NDManager scratch) {
        Gradients.zero(List.of(probe), scratch);
    }

    /** The probe array P [out,in] (its gradient is ∂L/∂W after a backward pass). */
    NDArray array() {
        return probe;
    }

    AdaptedLinear layer() {
        return layer;
    }
}
