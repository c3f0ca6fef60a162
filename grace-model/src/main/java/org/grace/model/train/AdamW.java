package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.io.FloatTensor;

import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019, Algorithm 2), in the form of {@code torch.optim.AdamW}
 * (amsgrad=False, maximize=False). At update t = 1, 2, … with gradient g and learning rate γ:
 * <pre>
 *   θ ← θ − γ·λ·θ                                   (decoupled weight decay)
 *   m ← β₁·m + (1 − β₁)·g                           (m₀ = 0)
 *   v ← β₂·v + (1 − β₂)·g²                          (v₀ = 0)
 *   θ ← θ − (γ / (1 − β₁ᵗ)) · m / ( √v / √(1 − β₂ᵗ) + ε )
 * </pre>
 * Source: PyTorch documentation of {@code torch.optim.AdamW} and its {@code _single_tensor_adamw}
 * (the bias corrections divide the step size and √v, ε is added after the correction).
 *
 * <p>Departures: the weight decay multiplies θ by the schedule's γ as PyTorch does (the paper's
 * Algorithm 2 scales it by a separate schedule multiplier η_t); the moment update is written
 * {@code β·m + (1−β)·g} where PyTorch uses {@code m.lerp_(g, 1−β)} — equal in exact arithmetic,
 * they may differ in the last float bit. State slots: {@code exp_avg} (m), {@code exp_avg_sq} (v);
 * the step count t is shared by all parameters (all are updated at every step).
 */
public final class AdamW implements Optimizer {

    static final String EXP_AVG = "exp_avg";
    static final String EXP_AVG_SQ = "exp_avg_sq";

    private final OptimizerConfig config;
    private final OptimizerSlots slots;
    private long step;

    /** A fresh AdamW whose state lives in a sub-manager of {@code manager}. */
    public AdamW(OptimizerConfig config, NDManager manager) {
        if (config.kind() != OptimizerKind.ADAMW) {
            throw new IllegalArgumentException("AdamW needs an ADAMW config, got " + config.kind());
        }
        this.config = config;
        this.slots = new OptimizerSlots(manager, List.of(EXP_AVG, EXP_AVG_SQ));
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.ADAMW;
    }

    @Override
    public void step(Map<String, NDArray> parameters, double lr, NDManager scratch) {
        step++;
        double b1 = config.beta1();
        double b2 = config.beta2();
        double correction1 = 1 - StrictMath.pow(b1, step);
        double correction2Sqrt = StrictMath.sqrt(1 - StrictMath.pow(b2, step));
        float decay = (float) (1 - lr * config.weightDecay());
        float stepSize = (float) (lr / correction1);
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray p = e.getValue();
            if (!p.hasGradient()) {
                continue;
            }
            try (NDManager scope = scratch.newSubManager()) {
                NDArray g = p.getGradient();
                g.attach(scope);
                NDArray m = slot(e.getKey(), EXP_AVG, p);
                NDArray v = slot(e.getKey(), EXP_AVG_SQ, p);
                if (config.weightDecay() != 0) {
                    p.muli(decay);
                }
                m.muli((float) b1).addi(g.mul((float) (1 - b1)));
                v.muli((float) b2).addi(g.square().muli((float) (1 - b2)));
                NDArray denominator = in(scope, v.sqrt()).divi((float) correction2Sqrt).addi((float) config.epsilon());
                p.subi(in(scope, m.div(denominator)).muli(stepSize));
            }
        }
    }

    private NDArray slot(String parameter, String name, NDArray p) {
        NDArray s = slots.get(parameter, name);
        if (s == null) {
            s = p.zerosLike();
            slots.put(parameter, name, s);
        }
        return s;
    }

    static NDArray in(NDManager scope, NDArray temporary) {
        temporary.attach(scope);
        return temporary;
    }

    @Override
    public long stepCount() {
        return step;
    }

    @Override
    public Map<String, FloatTensor> exportState() {
        return slots.export();
    }

    @Override
    public void importState(Map<String, FloatTensor> state, long stepCount, Map<String, NDArray> parameters) {
        if (stepCount < 0) {
            throw new IllegalArgumentException("optimizer step count must be >= 0, was " + stepCount);
        }
        slots.load(state, parameters);
        this.step = stepCount;
    }

    @Override
    public void close() {
        slots.close();
    }
}
