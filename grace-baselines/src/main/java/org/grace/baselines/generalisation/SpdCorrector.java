package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.List;

/**
 * Applies {@link SelectiveProjectionDecay} as a correction after each optimiser step of the
 * training loop. The loop owns AdamW (run with weight decay 0, so its step is AdamSPD's θ̃), so
 * step t's projection is applied at the start of step t+1's loss, before the forward pass, and
 * the last one in the method's finish:
 * <ol>
 *   <li>{@link #correct}: for each unit, c = −⟨g_t, θ_{t−1} − θ₀⟩ with the displacement kept by
 *       the previous {@link #snapshot} and the gradient of the last backward pass; θ ← θ̃ − λ·r·(θ̃ − θ₀);</li>
 *   <li>{@link #snapshot}: keeps θ_t − θ₀ and its norm, and clears the gradients it reads.</li>
 * </ol>
 */
final class SpdCorrector {

    private final List<DecayUnit> units;
    private final SelectiveProjectionDecay rule;
    private final NDManager parent;
    private NDManager state;
    private NDArray[] previous;
    private double[] previousNorms;
    private int lastSelected;
    private long totalSelected;
    private long totalProjected;

    SpdCorrector(List<DecayUnit> units, SelectiveProjectionDecay rule, NDManager parent) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("SPD needs at least one tensor to watch");
        }
        this.units = List.copyOf(units);
        this.rule = rule;
        this.parent = parent;
    }

    /** Projects every selected unit for the step just taken; a no-op before the first snapshot. */
    void correct() {
        lastSelected = 0;
        if (previous == null) {
            return;
        }
        try (NDManager scratch = parent.newSubManager()) {
            for (int i = 0; i < units.size(); i++) {
                DecayUnit unit = units.get(i);
                double condition = -unit.gradient(scratch).mul(previous[i]).sum().getFloat();
                double current = unit.displacement(scratch).norm().getFloat();
                if (SelectiveProjectionDecay.selects(condition)) {
                    lastSelected++;
                    totalSelected++;
                }
                double coefficient = rule.coefficient(condition, previousNorms[i], current);
                if (coefficient > 0) {
                    unit.decay(coefficient, scratch);
                    totalProjected++;
                }
            }
        }
    }

    /** Keeps θ − θ₀ of every unit for the next {@link #correct} and clears the gradients it will read. */
    void snapshot() {
        if (state != null) {
            state.close();
        }
        state = parent.newSubManager();
        previous = new NDArray[units.size()];
        previousNorms = new double[units.size()];
        for (int i = 0; i < units.size(); i++) {
            previous[i] = units.get(i).displacement(state);
            previousNorms[i] = previous[i].norm().getFloat();
            units.get(i).beforeForward(state);
        }
    }

    /** How many units the condition selected in the last {@link #correct}. */
    int lastSelected() {
        return lastSelected;
    }

    /** (unit, step) pairs the condition selected since the start of the run. */
    long totalSelected() {
        return totalSelected;
    }

    /** (unit, step) pairs actually pulled toward θ₀ (selected and with r &gt; 0) since the start of the run. */
    long totalProjected() {
        return totalProjected;
    }

    List<DecayUnit> units() {
        return units;
    }
}
