package org.grace.model.adapters;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TestInputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdapterTest {

    private static final ClipConfig CONFIG = ClipConfig.TINY;
    private NDManager root;
    private ClipModel model;

    @BeforeEach
    void setUp() {
        root = NDManager.newBaseManager();
        model = ClipModel.randomInit(CONFIG, root, 11);
    }

    @AfterEach
    void tearDown() {
        root.close();
    }

    private float[] logits(NDManager m) {
        return model.logits(TestInputs.images(m, CONFIG, 2, 1), TestInputs.tokens(m, CONFIG, 3, 2)).toFloatArray();
    }

    private static LoraConfig everywhere(int rank) {
        return LoraConfig.uniform(EnumSet.allOf(Tower.class), EnumSet.allOf(AdapterTarget.class), rank, 2f * rank);
    }

    /** Puts random values in every B so that LoRA changes the function. */
    private void randomiseB(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (AdaptedLinear l : model.linears().values()) {
            if (l.lora() != null) {
                NDArray b = l.lora().b();
                float[] v = new float[(int) b.getShape().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (rng.nextGaussian() * 0.05);
                }
                b.set(v);
            }
        }
    }

    @Test
    void loraWithZeroBEqualsTheBaseModel() {
        try (NDManager m = root.newSubManager()) {
            float[] base = logits(m);
            model.applyLora(everywhere(4), 3);
            assertArrayEquals(base, logits(m), 0f);
        }
    }

    @Test
    void mergedEqualsUnmergedAndUnmergeRestoresWeightsExactly() {
        model.applyLora(everywhere(4), 3);
        randomiseB(5);
        String q = "vision_model.encoder.layers.1.self_attn.q_proj";
        float[] before = model.linears().get(q).weight().toFloatArray();
        try (NDManager m = root.newSubManager()) {
            float[] unmerged = logits(m);
            model.merge();
            assertTrue(model.linears().get(q).merged());
            float[] merged = logits(m);
            for (int i = 0; i < merged.length; i++) {
                assertEquals(unmerged[i], merged[i], 1e-5 * Math.max(1, Math.abs(unmerged[i])), "logit " + i);
            }
            model.unmerge();
            assertArrayEquals(before, model.linears().get(q).weight().toFloatArray(), 0f);
            assertArrayEquals(unmerged, logits(m), 0f);
        }
    }

    @Test
    void perturbationSetThenRemovedRestoresOutputsExactly() {
        model.applyLora(everywhere(2), 3);
        randomiseB(6);
        try (NDManager m = root.newSubManager()) {
            float[] clean = logits(m);
            SplittableRandom rng = new SplittableRandom(9);
            int rank = 1;
            for (AdaptedLinear l : model.linears().values()) {
                NDArray u = gaussian(l.outFeatures(), rank, rng);
                NDArray v = gaussian(rank, l.inFeatures(), rng);
                l.setPerturbation(u, v, 0.5f);
                rank = rank % 3 + 1;
            }
            float[] perturbed = logits(m);
            assertFalse(java.util.Arrays.equals(clean, perturbed), "a perturbation must change the outputs");
            Map<String, NDArray> loraBefore = model.loraParameters();
            float[] bBefore = loraBefore.values().iterator().next().toFloatArray();
            model.linears().values().forEach(l -> l.scalePerturbation(2f));
            assertFalse(java.util.Arrays.equals(perturbed, logits(m)), "rescaling must change the outputs");
            model.removePerturbations();
            assertArrayEquals(clean, logits(m), 0f);
            assertArrayEquals(bBefore, model.loraParameters().values().iterator().next().toFloatArray(), 0f);
        }
    }

    private NDArray gaussian(int rows, int cols, SplittableRandom rng) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * 0.02);
        }
        return model.manager().create(v, new Shape(rows, cols));
    }

    @Test
    void perturbationEqualsAddingItsDeltaToTheWeight() {
        AdaptedLinear layer = model.linear(Tower.TEXT, 0, AdapterTarget.FC1);
        SplittableRandom rng = new SplittableRandom(2);
        try (NDManager m = root.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(5, layer.inFeatures()));
            layer.setPerturbation(gaussian(layer.outFeatures(), 3, rng), gaussian(3, layer.inFeatures(), rng), 0.7f);
            NDArray branch = layer.forward(x);
            NDArray w = layer.effectiveWeight(m);
            NDArray dense = x.matMul(w.transpose()).add(layer.bias());
            assertTrue(branch.allClose(dense, 1e-4, 1e-5, false));
        }
    }

    @Test
    void loraBackwardGivesGradientsOnLoraParametersOnly() {
        model.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q, AdapterTarget.V), 2, 4f), 1);
        randomiseB(3);
        try (NDManager m = root.newSubManager();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = model.logits(TestInputs.images(m, CONFIG, 2, 1), TestInputs.tokens(m, CONFIG, 2, 2)).sum();
            gc.backward(loss);
        }
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            assertFalse(e.getValue().hasGradient(), "frozen " + e.getKey() + " must not get a gradient");
        }
        Map<String, NDArray> lora = model.loraParameters();
        assertEquals(2 * 2 * CONFIG.vision().layers(), lora.size());
        for (Map.Entry<String, NDArray> e : lora.entrySet()) {
            assertTrue(e.getValue().hasGradient(), e.getKey());
            float norm = e.getValue().getGradient().norm().getFloat();
            assertTrue(norm > 0 && Float.isFinite(norm), e.getKey() + " gradient norm " + norm);
        }
    }

    @Test
    void perLayerRankAndAlphaFollowThePatterns() {
        LoraConfig config = new LoraConfig(EnumSet.of(Tower.VISION, Tower.TEXT), EnumSet.of(AdapterTarget.Q, AdapterTarget.FC2), 4, 8f,
                Map.of("layers.0.self_attn.q_proj", 2, "vision_model.encoder.layers.0.self_attn.q_proj", 3),
                Map.of("mlp.fc2", 1f));
        model.applyLora(config, 4);
        assertEquals(3, model.linear(Tower.VISION, 0, AdapterTarget.Q).lora().rank());
        assertEquals(2, model.linear(Tower.TEXT, 0, AdapterTarget.Q).lora().rank());
        assertEquals(4, model.linear(Tower.TEXT, 1, AdapterTarget.Q).lora().rank());
        assertEquals(1f / 4, model.linear(Tower.TEXT, 1, AdapterTarget.FC2).lora().scaling());
        assertEquals(null, model.linear(Tower.TEXT, 1, AdapterTarget.K).lora());
    }

    @Test
    void invalidAdapterConfigsFailClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q), -1, 1f));
        assertTrue(e.getMessage().contains("-1"));
        e = assertThrows(IllegalArgumentException.class, () -> AdapterTarget.parse("qkv"));
        assertTrue(e.getMessage().contains("qkv"));
        e = assertThrows(IllegalArgumentException.class,
                () -> model.applyLora(LoraConfig.uniform(EnumSet.of(Tower.TEXT), EnumSet.of(AdapterTarget.Q), 1000, 1f), 1));
        assertTrue(e.getMessage().contains("1000"));
        assertThrows(IllegalArgumentException.class, () -> new VisualPromptConfig(0, true));
    }

    @Test
    void visualPromptsChangeTheImageEmbeddingAndAreTrainable() {
        for (boolean deep : new boolean[] {false, true}) {
            try (NDManager local = NDManager.newBaseManager()) {
                ClipModel fresh = ClipModel.randomInit(CONFIG, local, 11);
                try (NDManager m = local.newSubManager()) {
                    NDArray images = TestInputs.images(m, CONFIG, 2, 1);
                    float[] base = fresh.encodeImage(images).toFloatArray();
                    VisualPrompts prompts = fresh.applyVisualPrompts(new VisualPromptConfig(3, deep), 5);
                    assertEquals(deep ? CONFIG.vision().layers() : 1, prompts.arrays().size());
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray out = fresh.encodeImage(images);
                        assertFalse(java.util.Arrays.equals(base, out.toFloatArray()));
                        gc.backward(out.sum());
                    }
                    for (NDArray p : fresh.promptParameters().values()) {
                        assertTrue(p.getGradient().norm().getFloat() > 0);
                    }
                }
            }
        }
    }
}
