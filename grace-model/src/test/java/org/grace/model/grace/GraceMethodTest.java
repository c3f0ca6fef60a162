package org.grace.model.grace;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.clip.ClipModel;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.method.MethodRunner;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.ProgressBar;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainableParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraceMethodTest {

    @TempDir
    Path folder;

    /** A variant's defaults with a cheaper attack and a curvature refresh every step. */
    static MethodSettings fast(String name) {
        return GraceMethod.defaults(name).with(Map.of("pgd_steps", 2, "curvature_every", 1));
    }

    @Test
    void everyVariantRunsThreeStepsAndChangesOnlyItsLoraFactors() {
        // One fixture for all four: each run installs fresh LoRA factors on the unchanged base weights.
        try (MethodFixture fixture = MethodFixture.tiny(5, 3, 6)) {
            MethodContext ctx = fixture.context();
            Map<String, float[]> base = GraceTestBatch.values(ctx.model().parameters());
            Map<String, float[]> reference = GraceTestBatch.values(ctx.reference().parameters());
            float[] head = ctx.head().weights().toFloatArray();
            for (String name : GraceMethod.NAMES) {
                GraceMethod method = GraceMethod.create(fast(name));
                MethodRunner.run(method, ctx, folder.resolve(name), ProgressBar.Mode.QUIET);

                assertSame(base, GraceTestBatch.values(ctx.model().parameters()), name + " base weights");
                assertSame(reference, GraceTestBatch.values(ctx.reference().parameters()), name + " reference");
                assertArrayEquals(head, ctx.head().weights().toFloatArray(), name + " head");
                Map<String, NDArray> lora = ctx.model().loraParameters();
                assertEquals(8, lora.size(), name + ": A and B on q and v of two vision blocks");
                for (Map.Entry<String, NDArray> e : lora.entrySet()) {
                    assertTrue(e.getKey().startsWith("vision_model."), e.getKey());
                    if (e.getKey().endsWith("lora_B.weight")) {
                        assertTrue(e.getValue().abs().sum().getFloat() > 0, name + ": " + e.getKey() + " never moved from 0");
                    }
                }
                for (AdaptedLinear layer : ctx.model().linears().values()) {
                    assertNull(layer.perturbation(), name + ": perturbation left on " + layer.name());
                }
            }
        }
    }

    private static void assertSame(Map<String, float[]> expected, Map<String, float[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), what + " " + k));
    }

    @Test
    void curriculumRanksFollowCurvatureWhileUniformRanksDoNot() {
        Map<String, Integer> curriculumRanks;
        Map<String, Double> scores;
        try (MethodFixture fixture = MethodFixture.tiny(7, 3, 6)) {
            GraceMethod method = GraceMethod.create(fast(GraceMethod.AWP_CURRICULUM));
            MethodRunner.run(method, fixture.context(), folder.resolve("curr"), ProgressBar.Mode.QUIET);
            curriculumRanks = method.ranks();
            scores = method.curvature();
        }
        assertEquals(curriculumRanks.keySet(), scores.keySet());
        assertEquals(4, scores.size(), "q and v of two vision blocks");
        for (String a : scores.keySet()) {
            for (String b : scores.keySet()) {
                if (scores.get(a) > scores.get(b)) {
                    assertTrue(curriculumRanks.get(a) >= curriculumRanks.get(b),
                            a + " is sharper than " + b + " but got a lower rank: " + curriculumRanks + " " + scores);
                }
            }
        }
        String sharpest = scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String flattest = scores.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(8, curriculumRanks.get(sharpest));
        assertEquals(1, curriculumRanks.get(flattest));

        try (MethodFixture fixture = MethodFixture.tiny(7, 3, 6)) {
            GraceMethod method = GraceMethod.create(fast(GraceMethod.AWP_NO_CURRICULUM));
            MethodRunner.run(method, fixture.context(), folder.resolve("uniform"), ProgressBar.Mode.QUIET);
            assertEquals(Set.of(4), Set.copyOf(method.ranks().values()), "uniform ranks = budget per layer");
            assertTrue(method.curvature().isEmpty(), "uniform AWP needs no curvature passes");
        }
    }

    @Test
    void stepGradientIsTheGradientOfTheReturnedLossAlone() {
        try (MethodFixture fixture = MethodFixture.tiny(11, 3, 4)) {
            MethodContext ctx = fixture.context();
            GraceMethod method = GraceMethod.create(fast(GraceMethod.NAME).with(Map.of("awp_inner_steps", 2)));
            Map<String, NDArray> lora = prepare(method, ctx);
            GraceTestBatch.randomiseLoraB(lora, 3);
            try (NDManager m = fixture.manager().newSubManager()) {
                NDArray images = GraceTestBatch.images(ctx, 4, m);
                int[] labels = GraceTestBatch.labels(ctx, 4);
                // A known non-zero gradient already sits on every LoRA factor.
                try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    NDArray sentinel = null;
                    for (NDArray p : lora.values()) {
                        NDArray s = p.sum();
                        sentinel = sentinel == null ? s : sentinel.add(s);
                    }
                    c.backward(sentinel);
                }
                Map<String, float[]> before = GraceTestBatch.gradients(lora);
                float loss;
                try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    StepResult r = method.loss(ctx, GraceTestBatch.step(2, 10, m, 99), images, labels);
                    assertSame(before, GraceTestBatch.gradients(lora), "gradients after the inner passes");
                    for (AdaptedLinear layer : ctx.model().linears().values()) {
                        assertNull(layer.perturbation(), "perturbation left on " + layer.name());
                    }
                    loss = r.loss().getFloat();
                    c.backward(r.loss());
                }
                Map<String, float[]> after = GraceTestBatch.gradients(lora);

                GraceMethod twin = GraceMethod.create(fast(GraceMethod.NAME).with(Map.of("awp_inner_steps", 2)));
                GraceMethod.Adversary adversary = twin.adversary(ctx, GraceTestBatch.step(2, 10, m, 99), images, labels);
                zero(lora);
                float reference;
                try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    NDArray total = twin.objective(ctx, m, images, labels, adversary).total();
                    reference = total.getFloat();
                    c.backward(total);
                }
                Map<String, float[]> alone = GraceTestBatch.gradients(lora);
                assertEquals(reference, loss, 0f, "same x_adv and δ give the same loss");
                for (String name : lora.keySet()) {
                    float[] b = before.get(name);
                    float[] a = after.get(name);
                    float[] g = alone.get(name);
                    double scale = 1e-12;
                    for (float v : g) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    for (int i = 0; i < g.length; i++) {
                        assertEquals(g[i], a[i] - b[i], 1e-5 * scale + 1e-7, name + "[" + i + "]");
                    }
                    assertTrue(scale > 1e-9 || name.endsWith("lora_A.weight"), name + " has no gradient");
                }
            }
        }
    }

    @Test
    void aStepLeavesNoArrayBehindInTheModelsManager() {
        try (MethodFixture fixture = MethodFixture.tiny(19, 3, 4)) {
            MethodContext ctx = fixture.context();
            GraceMethod method = GraceMethod.create(fast(GraceMethod.NAME).with(Map.of("awp_inner_steps", 2)));
            prepare(method, ctx);
            int before = ctx.model().manager().getManagedArrays().size();
            for (int step = 1; step <= 2; step++) {
                try (NDManager m = fixture.manager().newSubManager()) {
                    NDArray images = GraceTestBatch.images(ctx, 4, m);
                    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                        c.backward(method.loss(ctx, GraceTestBatch.step(step, 3, m, step), images,
                                GraceTestBatch.labels(ctx, 4)).loss());
                    }
                }
            }
            assertEquals(before, ctx.model().manager().getManagedArrays().size(),
                    "inner passes, probes and perturbation factors must live in the step's manager");
        }
    }

    @Test
    void gvOnlyLossIsTaskPlusLambdaTimesTheHandComputedGramVolume() {
        double lambda = 0.7;
        try (MethodFixture fixture = MethodFixture.tiny(13, 3, 5)) {
            MethodContext ctx = fixture.context();
            MethodSettings settings = fast(GraceMethod.GV_ONLY).with(Map.of("lambda_gv", lambda,
                    "pgd_eps", 16.0 / 255, "pgd_step_size", 4.0 / 255, "awp_gamma", 0.2, "awp_warmup_fraction", 0));
            GraceMethod method = GraceMethod.create(settings);
            Map<String, NDArray> lora = prepare(method, ctx);
            GraceTestBatch.randomiseLoraB(lora, 4);
            try (NDManager m = fixture.manager().newSubManager()) {
                NDArray images = GraceTestBatch.images(ctx, 5, m);
                int[] labels = GraceTestBatch.labels(ctx, 5);
                float loss = method.loss(ctx, GraceTestBatch.step(1, 3, m, 21), images, labels).loss().getFloat();

                GraceMethod.Adversary adv = GraceMethod.create(settings)
                        .adversary(ctx, GraceTestBatch.step(1, 3, m, 21), images, labels);
                ClipModel model = ctx.model();
                float[] clean = model.encodeImage(images).toFloatArray();
                NDArray featuresAdv = model.encodeImage(adv.images());
                float[] attacked = featuresAdv.toFloatArray();
                float[] logits = ctx.head().logits(featuresAdv).toFloatArray();
                List<AdaptedLinear> layers = method.perturbedLayers(model);
                LarAwp.install(layers, adv.perturbation());
                float[] perturbed = model.encodeImage(adv.images()).toFloatArray();
                LarAwp.detach(layers, m);

                int n = labels.length;
                int classes = logits.length / n;
                int dim = clean.length / n;
                double task = 0;
                double volume = 0;
                for (int i = 0; i < n; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < classes; c++) {
                        max = Math.max(max, logits[i * classes + c]);
                    }
                    double sum = 0;
                    for (int c = 0; c < classes; c++) {
                        sum += Math.exp(logits[i * classes + c] - max);
                    }
                    task += max + Math.log(sum) - logits[i * classes + labels[i]];
                    double[][] f = {unit(clean, i, dim), unit(attacked, i, dim), unit(perturbed, i, dim)};
                    double[][] g = new double[3][3];
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            double dot = a == b ? GramVolume.DEFAULT_EPSILON : 0;
                            for (int d = 0; d < dim; d++) {
                                dot += f[a][d] * f[b][d];
                            }
                            g[a][b] = dot;
                        }
                    }
                    double det = g[0][0] * (g[1][1] * g[2][2] - g[1][2] * g[2][1])
                            - g[0][1] * (g[1][0] * g[2][2] - g[1][2] * g[2][0])
                            + g[0][2] * (g[1][0] * g[2][1] - g[1][1] * g[2][0]);
                    volume += Math.sqrt(Math.abs(det));
                }
                task /= n;
                volume /= n;
                assertTrue(lambda * volume > 1e-3, "the Gram volume must matter in this check, was " + volume);
                assertEquals(task + lambda * volume, loss, 2e-5 * Math.max(1, Math.abs(loss)));
            }
        }
    }

    private static double[] unit(float[] rows, int i, int dim) {
        double[] v = new double[dim];
        double norm = 0;
        for (int d = 0; d < dim; d++) {
            v[d] = rows[i * dim + d];
            norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < dim; d++) {
            v[d] /= norm;
        }
        return v;
    }

    /** Installs the method's LoRA and selects it as the only trainable group, as the runner does. */
    static Map<String, NDArray> prepare(GraceMethod method, MethodContext ctx) {
        Set<ParameterGroup> groups = method.prepare(ctx);
        TrainableParameters.select(ctx.model(), ctx.head(), groups);
        return ctx.model().loraParameters();
    }

    static void zero(Map<String, NDArray> arrays) {
        List<NDArray> list = new ArrayList<>(arrays.values());
        try (NDManager scope = list.get(0).getManager().newSubManager()) {
            org.grace.model.train.Gradients.zero(list, scope);
        }
    }
}
