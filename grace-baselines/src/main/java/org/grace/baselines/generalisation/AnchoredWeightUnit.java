package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.baselines.common.WeightSnapshot;
import org.grace.model.train.Gradients;

import java.util.List;

/**
 * A trained tensor θ anchored at θ₀ (full-finetuning SPD), whose raw gradient is read from a
 * probe array P that the forward pass adds to θ with value 0 (so ∂L/∂P = ∂L/∂θ).
 */
final class AnchoredWeightUnit implements DecayUnit {

    private final String name;
    private final NDArray weight;
    private final NDArray anchor;
    private final NDArray probe;

    /**
     * @param probe the array whose gradient is ∂L/∂θ after a backward pass (same shape as θ)
     */
    AnchoredWeightUnit(String name, NDArray weight, NDArray anchor, NDArray probe) {
        if (!weight.getShape().equals(anchor.getShape()) || !weight.getShape().equals(probe.getShape())) {
            throw new IllegalArgumentException(name + ": weight " + weight.getShape() + ", anchor " + anchor.getShape()
                    + " and probe " + probe.getShape() + " must have one shape");
        }
        this.name = name;
        this.weight = weight;
        this.anchor = anchor;
        this.probe = probe;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NDArray displacement(NDManager manager) {
        return WeightSnapshot.detachedCopy(weight, manager).subi(anchor);
    }

    @Override
    public NDArray gradient(NDManager manager) {
        NDArray g = probe.getGradient();
        g.attach(manager);
        return g;
    }

    @Override
    public void beforeForward(NDManager state) {
        Gradients.zero(List.of(probe), state);
    }

    @Override
    public void decay(double coefficient, NDManager scratch) {
        NDArray current = WeightSnapshot.detachedCopy(weight, scratch);
        NDArray pulled = current.sub(current.sub(anchor).muli((float) coefficient));
        WeightSnapshot.assign(weight, pulled);
    }
}
