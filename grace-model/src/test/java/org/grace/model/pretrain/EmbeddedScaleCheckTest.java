package org.grace.model.pretrain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedScaleCheckTest {

    private static Map<String, Double> accuracies(double id, double v2, double sketch, double r, double a) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("synth-id-test", id);
        m.put("synth-v2", v2);
        m.put("synth-sketch", sketch);
        m.put("synth-r", r);
        m.put("synth-a", a);
        m.put("synth-transfer-size", 0.70);
        return m;
    }

    @Test
    void aWorldWithEffectiveRobustnessPassesEveryCriterion() {
        List<EmbeddedScaleCheck.Criterion> c = EmbeddedScaleCheck.evaluate(accuracies(0.70, 0.62, 0.55, 0.50, 0.30),
                accuracies(0.90, 0.60, 0.30, 0.25, 0.20), 10, Map.of("synth-transfer-size", 3));
        assertTrue(c.stream().allMatch(EmbeddedScaleCheck.Criterion::holds), EmbeddedScaleCheck.markdown(c));
        assertEquals(6, c.size());
    }

    @Test
    void eachThresholdIsEnforced() {
        List<EmbeddedScaleCheck.Criterion> c = EmbeddedScaleCheck.evaluate(accuracies(0.55, 0.30, 0.30, 0.30, 0.50),
                accuracies(0.50, 0.45, 0.45, 0.45, 0.20), 10, Map.of("synth-transfer-size", 3));
        String md = EmbeddedScaleCheck.markdown(c);
        assertFalse(c.get(0).holds(), "55% zero-shot ID is below 60%: " + md);
        assertTrue(c.get(1).holds(), "70% on 3 classes is above twice chance");
        assertFalse(c.get(2).holds(), "OOD 30% is below 0.75 × 55%");
        assertFalse(c.get(3).holds(), "A 50% is not clearly below 55%");
        assertFalse(c.get(4).holds(), "the ID-only model does not beat zero-shot here");
        assertTrue(md.contains("**no**"));
    }

    @Test
    void aMissingSplitIsNamed() {
        Map<String, Double> incomplete = accuracies(0.7, 0.6, 0.6, 0.6, 0.3);
        incomplete.remove("synth-sketch");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedScaleCheck.oodAverage(incomplete));
        assertTrue(e.getMessage().contains("synth-sketch"));
    }
}
