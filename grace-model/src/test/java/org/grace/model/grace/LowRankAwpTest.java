package org.grace.model.grace;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TestInputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LowRankAwpTest {

    private static final ClipConfig CONFIG = ClipConfig.TINY;
    private NDManager root;
    private ClipModel model;

    @BeforeEach
    void setUp() {
        root = NDManager.newBaseManager();
        model = ClipModel.randomInit(CONFIG, root, 2);
        model.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.allOf(AdapterTarget.class), 2, 4f), 1);
    }

    @AfterEach
    void tearDown() {
        root.close();
    }

    @Test
    void lowRankRecoversAnExactlyLowRankMatrix() {
        NDArray u = root.randomNormal(new Shape(12, 2));
        NDArray v = root.randomNormal(new Shape(2, 9));
        NDArray g = u.matMul(v);
        NDArray[] f = LowRankAwp.lowRank(g, 2, 3, new SplittableRandom(1));
        NDArray approx = f[0].matMul(f[1]);
        assertTrue(approx.sub(g).norm().getFloat() < 1e-4 * g.norm().getFloat());
        assertArrayEquals(new long[] {12, 2}, f[0].getShape().getShape());
        assertArrayEquals(new long[] {2, 9}, f[1].getShape().getShape());
    }

    private Map<String, NDArray> gradientsOfImageLoss(NDManager m) {
        Map<String, NDArray> weights = new LinkedHashMap<>();
        for (AdaptedLinear l : model.linears().values()) {
            if (l.tower() == Tower.VISION) {
                weights.put(l.name(), l.weight());
                l.weight().setRequiresGradient(true);
            }
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(loss(m));
        }
        Map<String, NDArray> grads = new LinkedHashMap<>();
        weights.forEach((name, w) -> {
            NDArray g = w.getGradient().duplicate();
            g.attach(m);
            grads.put(name, g);
            w.setRequiresGradient(false);
        });
        return grads;
    }

    private NDArray loss(NDManager m) {
        NDArray f = model.encodeImage(TestInputs.images(m, CONFIG, 4, 7));
        return f.square().sum();
    }

    @Test
    void perturbationHasTheLayerRelativeRadiusAndRaisesTheLoss() {
        try (NDManager m = root.newSubManager()) {
            float clean = loss(m).getFloat();
            Map<String, NDArray> grads = gradientsOfImageLoss(m);
            SplittableRandom rng = new SplittableRandom(4);
            for (Map.Entry<String, NDArray> e : grads.entrySet()) {
                AdaptedLinear layer = model.linears().get(e.getKey());
                double radius = LowRankAwp.perturb(layer, e.getValue(), 2, 1e-3, 3, rng);
                double found;
                try (NDManager local = m.newSubManager()) {
                    found = layer.perturbation().delta(local).norm().getFloat();
                    double weightNorm = layer.weight().add(layer.lora().delta(local)).norm().getFloat();
                    assertEquals(1e-3 * weightNorm, radius, 1e-6 * weightNorm);
                }
                assertEquals(radius, found, 1e-3 * radius);
            }
            float perturbed = loss(m).getFloat();
            assertTrue(perturbed > clean, "ascent must raise the loss: " + clean + " -> " + perturbed);
        }
    }

    @Test
    void perturbThenRestoreLeavesEveryWeightBitIdentical() {
        Map<String, float[]> before = new LinkedHashMap<>();
        model.parameters().forEach((k, v) -> before.put(k, v.toFloatArray()));
        model.loraParameters().forEach((k, v) -> before.put(k, v.toFloatArray()));
        try (NDManager m = root.newSubManager()) {
            float[] clean = model.encodeImage(TestInputs.images(m, CONFIG, 2, 3)).toFloatArray();
            Map<String, NDArray> grads = gradientsOfImageLoss(m);
            SplittableRandom rng = new SplittableRandom(5);
            grads.forEach((name, g) -> LowRankAwp.perturb(model.linears().get(name), g, 3, 5e-3, 2, rng));
            model.removePerturbations();
            assertArrayEquals(clean, model.encodeImage(TestInputs.images(m, CONFIG, 2, 3)).toFloatArray(), 0f);
        }
        model.parameters().forEach((k, v) -> assertArrayEquals(before.get(k), v.toFloatArray(), 0f, k));
        model.loraParameters().forEach((k, v) -> assertArrayEquals(before.get(k), v.toFloatArray(), 0f, k));
    }

    @Test
    void curvatureScoresAreEmasOfScaledSquaredGradients() {
        CurvatureEstimator est = new CurvatureEstimator(CurvatureEstimator.Kind.TRUE_LABEL, 0.5);
        try (NDManager m = root.newSubManager()) {
            est.update(Map.of("a", m.create(new float[] {1, 3})), 2);
            assertEquals(10.0, est.scores().get("a"), 1e-9);
            est.update(Map.of("a", m.create(new float[] {0, 0})), 2);
            assertEquals(5.0, est.scores().get("a"), 1e-9);
        }
        CurvatureEstimator gnb = new CurvatureEstimator(CurvatureEstimator.Kind.SAMPLED_LABEL, 0.99);
        int[] sampled = gnb.labels(new float[] {50, 0, 0, 0, 0, 50}, 3, new int[] {1, 1}, new SplittableRandom(1));
        assertArrayEquals(new int[] {0, 2}, sampled, "labels follow the model's confident predictions, not the true ones");
        assertArrayEquals(new int[] {1, 1}, est.labels(new float[6], 3, new int[] {1, 1}, new SplittableRandom(1)));
        int[] counts = new int[2];
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 4000; i++) {
            counts[gnb.labels(new float[] {0, (float) Math.log(3)}, 2, new int[] {0}, rng)[0]]++;
        }
        assertEquals(0.75, counts[1] / 4000.0, 0.03, "sampled labels follow softmax(logits)");
    }
}
