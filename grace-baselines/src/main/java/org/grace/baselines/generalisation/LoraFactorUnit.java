package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.baselines.common.WeightSnapshot;
import org.grace.model.adapters.LoraAdapter;

/**
 * One LoRA factor (A or B) as an SPD tensor anchored at 0, as AdamSPD treats LoRA factors when
 * given {@code pre=None} ({@code GT-RIPL/Selective-Projection-Decay} README, PEFT usage). Its raw
 * gradient is recovered from ∂L/∂W (read by the layer's {@link GradientProbe}) and the other factor
 * as it was in the forward pass, with s = α/r:
 * <pre>
 *   ∂L/∂B = s·(∂L/∂W)·Aᵀ,   ∂L/∂A = s·Bᵀ·(∂L/∂W)
 * </pre>
 * The pull toward 0 scales the factor by (1 − k).
 */
final class LoraFactorUnit implements DecayUnit {

    private final GradientProbe probe;
    private final boolean isB;
    private NDArray partnerAtForward;

    /**
     * @param isB true for B [out,r], false for A [r,in]
     */
    LoraFactorUnit(GradientProbe probe, boolean isB) {
        if (probe.layer().lora() == null) {
            throw new IllegalArgumentException(probe.layer().name() + " has no LoRA branch");
        }
        this.probe = probe;
        this.isB = isB;
    }

    private LoraAdapter lora() {
        return probe.layer().lora();
    }

    private NDArray factor() {
        return isB ? lora().b() : lora().a();
    }

    @Override
    public String name() {
        return probe.layer().name() + (isB ? ".lora_B.weight" : ".lora_A.weight");
    }

    @Override
    public NDArray displacement(NDManager manager) {
        return WeightSnapshot.detachedCopy(factor(), manager);
    }

    @Override
    public NDArray gradient(NDManager manager) {
        if (partnerAtForward == null) {
            throw new IllegalStateException(name() + ": no forward pass recorded yet");
        }
        NDArray gW = probe.gradient(manager);
        NDArray g = isB ? gW.matMul(partnerAtForward.transpose()) : partnerAtForward.transpose().matMul(gW);
        g.attach(manager);
        return g.muli(lora().scaling());
    }

    @Override
    public void beforeForward(NDManager state) {
        probe.zero(state);
        partnerAtForward = WeightSnapshot.detachedCopy(isB ? lora().a() : lora().b(), state);
    }

    @Override
    public void decay(double coefficient, NDManager scratch) {
        NDArray f = factor();
        WeightSnapshot.assign(f, WeightSnapshot.detachedCopy(f, scratch).muli((float) (1 - coefficient)));
    }
}
