package org.grace.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.io.FloatTensor;

import java.util.List;
import java.util.Map;

import static org.grace.model.train.AdamW.in;

/**
 * Stochastic gradient descent with momentum, in the form of {@code torch.optim.SGD}
 * (dampening 0, maximize=False). At update t with gradient g and learning rate γ:
 * <pre>
 *   d ← g + λ·θ                                     (L2 weight decay, coupled)
 *   b ← d                      if t = 1             (momentum buffer, μ &gt; 0 only)
 *   b ← μ·b + d                otherwise
 *   d ← d + μ·b                if Nesterov, else d ← b
 *   θ ← θ − γ·d
 * </pre>
 * Source: PyTorch documentation of {@code torch.optim.SGD} (the momentum form of Sutskever et
 * al., 2013, which scales the buffer update by γ at use rather than at accumulation). With μ = 0
 * there is no buffer and the update is {@code θ ← θ − γ·(g + λθ)}.
 *
 * <p>Departure: no dampening parameter (the suite's methods use none). State slot:
 * {@code momentum_buffer}.
 */
public final class Sgd implements Optimizer {

    static final String MOMENTUM_BUFFER = "momentum_buffer";

    private final OptimizerConfig config;
    private final OptimizerSlots slots;
    private long step;

    /** A fresh SGD whose state lives in a sub-manager of {@code manager}. */
    public Sgd(OptimizerConfig config, NDManager manager) {
        if (config.kind() != OptimizerKind.SGD) {
            throw new IllegalArgumentException("Sgd needs an SGD config, got " + config.kind());
        }
        this.config = config;
        this.slots = new OptimizerSlots(manager, List.of(MOMENTUM_BUFFER));
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.SGD;
    }

    @Override
    public void step(Map<String, NDArray> parameters, double lr, NDManager scratch) {
        step++;
        float mu = (float) config.momentum();
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray p = e.getValue();
            if (!p.hasGradient()) {
                continue;
            }
            try (NDManager scope = scratch.newSubManager()) {
                NDArray d = p.getGradient();
                d.attach(scope);
                if (config.weightDecay() != 0) {
                    d = d.add(in(scope, p.mul((float) config.weightDecay())));
                }
                if (mu != 0) {
                    NDArray buffer = slots.get(e.getKey(), MOMENTUM_BUFFER);
                    if (buffer == null) {
                        buffer = d.duplicate();
                        slots.put(e.getKey(), MOMENTUM_BUFFER, buffer);
                    } else {
                        buffer.muli(mu).addi(d);
                    }
                    d = config.nesterov() ? d.add(in(scope, buffer.mul(mu))) : buffer;
                }
                p.subi(in(scope, d.mul((float) lr)));
            }
        }
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
