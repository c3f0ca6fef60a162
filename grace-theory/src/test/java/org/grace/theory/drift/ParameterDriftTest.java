package org.grace.theory.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraAdapter;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TextConfig;
import org.grace.model.clip.VisionConfig;
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
    void modelDriftIsMeasuredOnTheLoraMergedEffectiveWeights() {
        ClipConfig config = ClipConfig.tiny(new VisionConfig(16, 8, 8, 1, 2), new TextConfig(8, 1, 2, 4, 16), 8);
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.randomInit(config, manager, 1);
            ClipModel reference = model.copy(manager);
            model.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q), 1, 2f), 2);
            String q = "vision_model.encoder.layers.0.self_attn.q_proj";
            assertEquals(0.0, ParameterDrift.ofModels(reference, model, name -> true).global().relative(),
                    "a fresh LoRA (B = 0) leaves the effective weights at θ0");
            LoraAdapter lora = model.linears().get(q).lora();
            float[] b = new float[8];
            b[3] = 0.5f;
            lora.b().set(b);
            float[] a = lora.a().toFloatArray();
            double delta2 = 0;
            for (float x : a) {
                double d = 2.0 * 0.5 * x;
                delta2 += d * d;
            }
            double w2 = 0;
            for (float x : reference.parameters().get(q + ".weight").toFloatArray()) {
                w2 += (double) x * x;
            }
            DriftReport report = ParameterDrift.ofModels(reference, model, name -> name.startsWith("vision_model."));
            assertEquals(Math.sqrt(delta2 / w2), report.perTensor().get(q + ".weight").relative(), 1e-5);
            assertEquals(Math.sqrt(delta2), report.global().distance(), 1e-6);
            assertTrue(report.perTensor().keySet().stream().allMatch(name -> name.startsWith("vision_model.")));
            assertThrows(IllegalArgumentException.class, () -> ParameterDrift.ofModels(reference, model, name -> false));
        }
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
