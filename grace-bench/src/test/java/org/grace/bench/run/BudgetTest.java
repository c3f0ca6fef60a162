package org.grace.bench.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetTest {

    @Test
    void thePresetsAreNamedAndTrainAtThePapersEpsilon() {
        for (String name : List.of("quick", "standard", "paper")) {
            assertEquals(4.0 / 255, Budget.named(name).eps(), 1e-15);
        }
        assertEquals(100, Budget.paper().apgdIterations(), "auto-attack's APGD-CE runs 100 iterations");
        assertTrue(Budget.quick().steps() < Budget.standard().steps());
    }

    @Test
    void invalidBudgetsNameTheFieldAtFault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.standard().withSteps(0));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new Budget.ProbeBudget(16, 32, 1, 6, 2, 1));
        assertTrue(p.getMessage().contains("layerProbes"), p.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> Budget.named("huge"));
        assertTrue(n.getMessage().contains("huge"), n.getMessage());
    }

    @Test
    void epsilonNamesAreStable() {
        assertEquals("4", RunEvaluator.epsName(4.0));
        assertEquals("0.5", RunEvaluator.epsName(0.5));
    }
}
