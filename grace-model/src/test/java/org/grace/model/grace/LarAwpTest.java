package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.zeroshot.ClipClassifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class LarAwpTest {

    @Test
    void warmupRadiusRisesLinearlyToGammaAndStaysThere() {
        GraceConfig config = GraceMethod.create(GraceMethod.defaults(GraceMethod.NAME)).config();
        LarAwp awp = new LarAwp(config);
        double gamma = config.awpGamma();
        qt().forAll(integers().between(1, 2000), integers().between(1, 2000)).checkAssert((t, total) -> {
            double r = awp.radius(t, total);
            assertTrue(r > 0 && r <= gamma + 1e-15, "radius " + r);
            assertTrue(awp.radius(t + 1, total) >= r, "non-decreasing");
            if (t >= config.awpWarmupFraction() * total) {
                assertEquals(gamma, r, 1e-15);
            }
        });
    }

    @Test
    void multiStepAscentEndsOnTheRadiusWithinTheAllocatedRank() {
        try (MethodFixture fixture = MethodFixture.tiny(17, 1, 4); NDManager m = fixture.manager().newSubManager()) {
            MethodContext ctx = fixture.context();
            GraceMethod method = GraceMethod.create(GraceMethodTest.fast(GraceMethod.NAME)
                    .with(Map.of("awp_inner_steps", 3, "awp_targets", "q,k,v,out,fc1,fc2")));
            Map<String, NDArray> lora = GraceMethodTest.prepare(method, ctx);
            GraceTestBatch.randomiseLoraB(lora, 6);
            NDArray x = GraceTestBatch.images(ctx, 4, m);
            int[] y = GraceTestBatch.labels(ctx, 4);
            ClipClassifier classifier = new ClipClassifier(ctx.model(), ctx.head());
            List<AdaptedLinear> layers = method.perturbedLayers(ctx.model());
            assertEquals(12, layers.size());
            Map<String, Double> weightNorms = new LinkedHashMap<>();
            for (AdaptedLinear l : layers) {
                weightNorms.put(l.name(), (double) l.effectiveWeight(m).norm().getFloat());
            }
            LarAwp awp = new LarAwp(method.config());
            List<NDArray> trainable = new ArrayList<>(lora.values());
            awp.refreshCurvature(layers, classifier, x, y, new SplittableRandom(1), trainable, m);
            double gamma = 0.02;
            awp.perturbAdversarially(layers, classifier, x, y, gamma, new SplittableRandom(2), trainable, m);
            for (AdaptedLinear l : layers) {
                NDArray delta = l.perturbation().delta(m);
                double expected = gamma * weightNorms.get(l.name());
                assertEquals(expected, delta.norm().getFloat(), 1e-4 * expected, l.name() + " radius");
                assertTrue(l.perturbation().rank() <= awp.ranks().get(l.name()), l.name() + " rank");
            }
            LarAwp.detach(layers, m);
            layers.forEach(l -> assertEquals(null, l.perturbation()));
        }
    }
}
