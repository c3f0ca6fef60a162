package org.grace.theory.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterDriftTest {

    private static Map<String, float[]> model(float[] a, float[] b) {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put("blocks.0.attn.weight", a);
        m.put("blocks.0.attn.bias", b);
        return m;
    }

    @Test
    void globalAndPerTensorDriftAreRelativeEuclideanDistances() {
        Map<String, float[]> theta0 = model(new float[] {3, 4}, new float[] {0, 0, 12});
        Map<String, float[]> theta = model(new float[] {3, 5}, new float[] {0, 1, 12});
        DriftReport report = ParameterDrift.of(theta0, theta);
        assertEquals(1.0 / 5.0, report.perTensor().get("blocks.0.attn.weight").relative(), 1e-12);
        assertEquals(1.0 / 12.0, report.perTensor().get("blocks.0.attn.bias").relative(), 1e-12);
        assertEquals(Math.sqrt(2.0) / 13.0, report.global().relative(), 1e-12);
        assertEquals(2.0, report.squaredDistance(), 1e-12);
        TensorDrift layer = report.byGroup(name -> name.substring(0, name.lastIndexOf('.'))).get("blocks.0.attn");
        assertEquals(report.global().relative(), layer.relative(), 1e-12);
        assertEquals(5, layer.size());
    }

    @Test
    void identicalModelsHaveZeroDriftAndArraysGiveTheSameReport() {
        Map<String, float[]> theta0 = model(new float[] {1, -2}, new float[] {3});
        assertEquals(0.0, ParameterDrift.of(theta0, theta0).global().relative());
        try (NDManager manager = NDManager.newBaseManager()) {
            DriftReport fromArrays = ParameterDrift.ofArrays(
                    Map.of("w", manager.create(new float[] {3, 4})), Map.of("w", manager.create(new double[] {0, 4})));
            assertEquals(3.0 / 5.0, fromArrays.global().relative(), 1e-7);
        }
    }

    @Test
    void loraEffectiveWeightIsBasePlusScaledProduct() {
        float[] base = {1, 2, 3, 4, 5, 6};
        float[] b = {1, 0};
        float[] a = {1, 1, 1};
        assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f, 4, 5, 6}, LoraEffectiveWeight.merge(base, 2, 3, b, a, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LoraEffectiveWeight.merge(base, 2, 3, b, new float[2], 1, 1));
    }

    @Test
    void badInputNamesTheTensorAtFault() {
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class,
                () -> ParameterDrift.of(Map.of("a", new float[] {1}), Map.of("b", new float[] {1})));
        assertTrue(names.getMessage().contains("[a]") && names.getMessage().contains("[b]"), names.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ParameterDrift.of(Map.of("a", new float[] {1}), Map.of("a", new float[] {1, 2})));
        assertTrue(size.getMessage().contains("'a'"), size.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ParameterDrift.of(Map.of("a", new float[] {Float.NaN}), Map.of("a", new float[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> ParameterDrift.of(Map.of("a", new float[] {0}), Map.of("a", new float[] {1})));
        assertThrows(IllegalArgumentException.class, () -> ParameterDrift.of(Map.of(), Map.of()));
    }
}
