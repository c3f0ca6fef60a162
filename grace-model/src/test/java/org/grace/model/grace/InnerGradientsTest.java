package org.grace.model.grace;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.pgd.TrainingObjective;
import org.grace.attacks.pgd.TrainingPgd;
import org.grace.attacks.pgd.TrainingPgdConfig;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.PerturbationBranch;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.zeroshot.ClipClassifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InnerGradientsTest {

    private static final CrossEntropyLoss CE = new CrossEntropyLoss();

    @Test
    void stepPgdWorksInsideTheStepCollectorWhereTrainingPgdCannot() {
        try (MethodFixture fixture = MethodFixture.tiny(3, 1, 6); NDManager m = fixture.manager().newSubManager()) {
            MethodContext ctx = fixture.context();
            Map<String, NDArray> lora = GraceMethodTest.prepare(GraceMethod.create(GraceMethodTest.fast(GraceMethod.NAME)), ctx);
            GraceTestBatch.randomiseLoraB(lora, 1);
            NDArray x = GraceTestBatch.images(ctx, 6, m);
            int[] y = GraceTestBatch.labels(ctx, 6);
            ClipClassifier classifier = new ClipClassifier(ctx.model(), ctx.head());
            List<NDArray> trainable = new ArrayList<>(lora.values());
            Map<String, float[]> before = GraceTestBatch.gradients(lora);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                assertThrows(IllegalStateException.class, () -> new TrainingPgd(TrainingPgdConfig.paperDefault(0, 1))
                        .attack(x, TrainingObjective.classification(classifier, CE, y), new long[] {0, 1, 2, 3, 4, 5}));
                double eps = 8.0 / 255;
                NDArray adv = new StepPgd(eps, 2.0 / 255, 5).attack(classifier, x, y, new SplittableRandom(4), trainable);
                assertFalse(adv.hasGradient(), "adversarial images are detached");
                assertTrue(adv.sub(x).abs().max().getFloat() <= eps + 1e-6, "within the ε-ball");
                assertTrue(adv.min().getFloat() >= 0 && adv.max().getFloat() <= 1, "within [0,1]");
                float clean = CE.perSample(classifier.logits(x), y, null).mean().getFloat();
                float attacked = CE.perSample(classifier.logits(adv), y, null).mean().getFloat();
                assertTrue(attacked > clean, "PGD raises the loss: " + attacked + " <= " + clean);
                GraceTestBatch.gradients(lora).forEach((k, v) -> assertArrayEquals(before.get(k), v, k));
            }
        }
    }

    @Test
    void probeGradientIsTheGradientWithRespectToTheEffectiveWeight() {
        try (MethodFixture fixture = MethodFixture.tiny(5, 1, 4); NDManager m = fixture.manager().newSubManager()) {
            MethodContext ctx = fixture.context();
            GraceMethod method = GraceMethod.create(GraceMethodTest.fast(GraceMethod.NAME));
            Map<String, NDArray> lora = GraceMethodTest.prepare(method, ctx);
            GraceTestBatch.randomiseLoraB(lora, 2);
            NDArray x = GraceTestBatch.images(ctx, 4, m);
            int[] y = GraceTestBatch.labels(ctx, 4);
            ClipClassifier classifier = new ClipClassifier(ctx.model(), ctx.head());
            List<AdaptedLinear> layers = method.perturbedLayers(ctx.model());
            Map<String, NDArray> probe = EffectiveWeightGradients.at(layers, Map.of(),
                    () -> CE.perSample(classifier.logits(x), y, null).mean(), new ArrayList<>(lora.values()), m);
            // Reference: make the base weights trainable and differentiate with an ordinary collector.
            layers.forEach(l -> l.weight().setRequiresGradient(true));
            try {
                try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    c.backward(CE.perSample(classifier.logits(x), y, null).mean());
                }
                for (AdaptedLinear l : layers) {
                    float[] expected = l.weight().getGradient().toFloatArray();
                    float[] actual = probe.get(l.name()).toFloatArray();
                    double scale = 0;
                    for (float v : expected) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    assertTrue(scale > 0, l.name());
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], actual[i], 1e-5 * scale, l.name() + "[" + i + "]");
                    }
                    assertEquals(null, l.perturbation(), "probe removed from " + l.name());
                }
            } finally {
                layers.forEach(l -> l.weight().setRequiresGradient(false));
            }
        }
    }

    @Test
    void perturbedGraphKeepsTheGradientAtThetaPlusDeltaAfterTheBranchIsRemoved() {
        try (MethodFixture fixture = MethodFixture.tiny(9, 1, 4); NDManager m = fixture.manager().newSubManager()) {
            MethodContext ctx = fixture.context();
            GraceMethod method = GraceMethod.create(GraceMethodTest.fast(GraceMethod.NAME));
            Map<String, NDArray> lora = GraceMethodTest.prepare(method, ctx);
            GraceTestBatch.randomiseLoraB(lora, 5);
            NDArray x = GraceTestBatch.images(ctx, 4, m);
            int[] y = GraceTestBatch.labels(ctx, 4);
            ClipClassifier classifier = new ClipClassifier(ctx.model(), ctx.head());
            List<AdaptedLinear> layers = method.perturbedLayers(ctx.model());
            LarAwp awp = new LarAwp(method.config());
            awp.perturbRandomly(layers, 0.3, new SplittableRandom(8), m);
            Map<String, PerturbationBranch> delta = LarAwp.detach(layers, m);

            LarAwp.install(layers, delta);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray loss = CE.perSample(classifier.logits(x), y, null).mean();
                LarAwp.detach(layers, m);
                System.gc();
                c.backward(loss);
            }
            Map<String, float[]> removedBeforeBackward = GraceTestBatch.gradients(lora);

            GraceMethodTest.zero(lora);
            LarAwp.install(layers, delta);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                c.backward(CE.perSample(classifier.logits(x), y, null).mean());
            }
            LarAwp.detach(layers, m);
            Map<String, float[]> installed = GraceTestBatch.gradients(lora);

            GraceMethodTest.zero(lora);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                c.backward(CE.perSample(classifier.logits(x), y, null).mean());
            }
            Map<String, float[]> atTheta = GraceTestBatch.gradients(lora);

            boolean differs = false;
            for (String k : lora.keySet()) {
                assertArrayEquals(installed.get(k), removedBeforeBackward.get(k), k);
                differs |= !java.util.Arrays.equals(installed.get(k), atTheta.get(k));
            }
            assertTrue(differs, "the gradient at θ+δ must differ from the gradient at θ");
        }
    }
}
