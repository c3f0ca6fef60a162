package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.baselines.common.WeightSnapshot;
import org.grace.model.adapters.LoraAdapter;

/**
 * The LoRA update ΔW = (α/r)·B·A of one layer as an SPD tensor anchored at 0 (that is, the
 * effective weight W₀ + ΔW anchored at W₀). Its raw gradient is ∂L/∂W, read from the layer's
 * {@link GradientProbe}; note ⟨∂L/∂W, ΔW⟩ = ⟨∂L/∂B, B⟩, so the condition is the one SPD would
 * compute on B. The pull ΔW ← ΔW − k·ΔW is applied by scaling B by (1 − k), which scales ΔW
 * exactly and leaves A alone.
 */
final class LoraDeltaUnit implements DecayUnit {

    private final GradientProbe probe;

    LoraDeltaUnit(GradientProbe probe) {
        if (probe.layer().lora() == null) {
            throw new IllegalArgumentException(probe.layer().name() + " has no LoRA branch");
        }
        this.probe = probe;
    }

    @Override
    public String name() {
        return probe.layer().name();
    }

    @Override
    public NDArray displacement(NDManager manager) {
        LoraAdapter lora = probe.layer().lora();
        NDArray b = WeightSnapshot.detachedCopy(lora.b(), manager);
        NDArray a = WeightSnapshot.detachedCopy(lora.a(), manager);
        return b.matMul(a).muli(lora.scaling());
    }

    @Override
    public NDArray gradient(NDManager manager) {
        return probe.gradient(manager);
    }

    @Override
    public void beforeForward(NDManager state) {
        probe.zero(state);
    }

    @Override
    public void decay(double coefficient, NDManager scratch) {
        NDArray b = probe.layer().lora().b();
        WeightSnapshot.assign(b, WeightSnapshot.detachedCopy(b, scratch).muli((float) (1 - coefficient)));
    }
}
