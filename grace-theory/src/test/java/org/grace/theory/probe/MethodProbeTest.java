package org.grace.theory.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.grace.model.adapters.VisualPromptConfig;
import org.grace.model.adapters.VisualPrompts;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.theory.bound.PacBayesTerms;
import org.grace.theory.clip.ClipLoraLoss;
import org.grace.theory.hessian.DoubleBackwardHessian;
import org.grace.theory.hessian.FiniteDifferenceConfig;
import org.grace.theory.hessian.FiniteDifferenceHessian;
import org.grace.theory.hessian.HessianOperator;
import org.grace.theory.hessian.ParameterSubset;
import org.grace.theory.spectral.SymmetryCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe on a tiny random CLIP: each measured quantity against what it must be. */
class MethodProbeTest {

    /** grace-bench's Evaluations.THEORY_METRICS, spelled out: the probe must not depend on the bench. */
    private static final List<String> THEORY_METRICS = List.of("drift", "lambda_max", "trace", "disc_id_ood",
            "disc_id_adv", "disc_ood_adv", "disc_max", "proxy_a_id_ood", "proxy_a_id_adv", "bound_risk",
            "bound_prior", "bound_sharpness", "bound_discrepancy", "bound_total", "bound_sigma");

    private static NDManager root;
    private static ProbeFixture twoBlocks;
    private static ProbeResult shifted;
    private static int threads;

    /**
     * One intra-op thread while these tests run (restored after): the fixture's tensors are far too small to
     * gain from parallelism, and on a busy 2-core machine two spinning OpenMP threads stall every tiny op
     * for a scheduler quantum whenever one of them is descheduled (measured: the same tests took 2–15 s).
     */
    @BeforeAll
    static void setUp() {
        threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        root = NDManager.newBaseManager();
        twoBlocks = new ProbeFixture(root, 8, 2, 0.3);
        shifted = MethodProbe.measure(twoBlocks.shiftedSets(0.3, 0.05), ProbeFixture.config(1), root);
    }

    @AfterAll
    static void tearDown() {
        root.close();
        JniUtils.setNumThreads(threads);
    }

    @Test
    void driftIsZeroForTheReferenceItselfAndGrowsWithLoraB() {
        ProbeFixture f = new ProbeFixture(root, 4, 1, 0.0);
        ProbeInputs same = new ProbeInputs("reference", f.reference, f.head, f.reference, f.images("curvature", 12, 2),
                f.images("id", 24, 1), f.shifted("ood", 24, 1, 0.2), f.shifted("adv", 24, 1, 0.1), 1000);
        ProbeResult self = MethodProbe.measure(same, ProbeFixture.config(1), root);
        assertEquals(0.0, self.metrics().get("drift"));
        assertEquals(0.0, self.bound().proximity());
        assertEquals(0.0, MethodProbe.measure(f.shiftedSets(0.2, 0.1), ProbeFixture.config(1), root).metrics().get("drift"),
                "a fresh LoRA (B = 0) does not move the effective weights");
        double previous = 0.0;
        for (double b : new double[] {0.05, 0.2, 0.8}) {
            f.setLoraB(b, 7);
            ProbeResult r = MethodProbe.measure(f.shiftedSets(0.2, 0.1), ProbeFixture.config(1), root);
            double drift = r.metrics().get("drift");
            assertTrue(drift > previous, "drift " + drift + " at B std " + b + " should exceed " + previous);
            previous = drift;
            assertTrue(r.layerDrift().get("vision_model.encoder.layers.0").relative() > 0.0);
            assertEquals(0.0, r.layerDrift().get("vision_model.embeddings.patch_embedding").relative());
        }
    }

    @Test
    void lambdaMaxAndTraceMatchTheDenseFiniteDifferenceHessian() {
        ProbeFixture f = new ProbeFixture(root, 4, 1, 0.3);
        ProbeInputs in = f.shiftedSets(0.2, 0.1);
        ProbeResult r = MethodProbe.measure(in, ProbeFixture.config(2).withLanczos(32, 1e-8).withTraceProbes(10, 40, 10), root);
        double[][] dense = denseHessian(f, in, true);
        int n = dense.length;
        assertEquals(2 * 4 * 4, n, "the q and v weights of one 4-wide block");
        double[] eigen = new EigenDecomposition(new Array2DRowRealMatrix(dense)).getRealEigenvalues();
        double max = Double.NEGATIVE_INFINITY;
        double trace = 0.0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, eigen[i]);
            trace += dense[i][i];
        }
        assertEquals(max, r.lambdaMax(), 2e-2 * Math.abs(max), "λ_max from Lanczos vs the dense finite-difference Hessian");
        assertTrue(Math.abs(r.trace().mean() - trace) <= 4 * r.trace().standardError() + 1e-3 * Math.abs(trace),
                "Hutchinson " + r.trace() + " vs exact trace " + trace);
        double q = 0.0;
        for (int i = 0; i < 16; i++) {
            q += dense[i][i];
        }
        var layer = r.layerTraces().get("vision_model.encoder.layers.0.self_attn.q_proj");
        assertTrue(Math.abs(layer.mean() - q) <= 4 * layer.standardError() + 1e-3 * Math.abs(q),
                "q-block trace " + layer + " vs exact " + q);
        var sum = r.layerTraceTotal();
        assertEquals(r.layerTraces().values().stream().mapToDouble(t -> t.mean()).sum(), sum.mean(), 1e-12);
        assertTrue(Math.abs(sum.mean() - trace) <= 4 * sum.standardError() + 1e-3 * Math.abs(trace),
                "summed block traces " + sum + " vs exact trace " + trace);
    }

    @Test
    void theCurvatureOperatorIsSymmetric() {
        ProbeFixture f = new ProbeFixture(root, 4, 1, 0.3);
        double[][] exact = denseHessian(f, f.shiftedSets(0.2, 0.1), false);
        double scale = 0.0;
        for (double[] row : exact) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        assertTrue(scale > 0.0);
        for (int i = 0; i < exact.length; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(exact[i][j], exact[j][i], 1e-4 * scale, "H[" + i + "][" + j + "] vs H[" + j + "][" + i + "]");
            }
        }
        assertTrue(shifted.asymmetry() < 1e-4, "asymmetry " + shifted.asymmetry());
    }

    @Test
    void theLossIsTheDeployedClassifiersCrossEntropyAndTheModelIsLeftUnchanged() {
        ProbeInputs in = twoBlocks.shiftedSets(0.3, 0.05);
        try (NDManager scope = root.newSubManager()) {
            NDArray images = in.curvature().images();
            int[] labels = in.curvature().labels();
            float[] before = twoBlocks.deployed.loraParameters().values().iterator().next().toFloatArray();
            NDArray logits = new ClipClassifier(twoBlocks.deployed, twoBlocks.head).logits(images);
            double expected = logits.logSoftmax(1).mul(scope.create(labels).oneHot(3)).sum().neg().getFloat() / labels.length;
            ClipModel copy = twoBlocks.deployed.copy(scope);
            EffectiveWeightLoss loss = new EffectiveWeightLoss(copy, twoBlocks.head, images, labels);
            double actual = loss.apply(loss.subset().values()).getFloat();
            loss.restore();
            assertEquals(expected, actual, 1e-5 * Math.max(1.0, Math.abs(expected)));
            MethodProbe.measure(in, ProbeFixture.config(3), scope);
            assertEquals(0.0, maxDifference(before, twoBlocks.deployed.loraParameters().values().iterator().next().toFloatArray()));
            assertTrue(twoBlocks.deployed.linears().values().stream().allMatch(l -> l.perturbation() == null && !l.merged()));
        }
    }

    @Test
    void visualPromptsStayInTheMeasuredFunctionAndKeepTheirGradientFlag() {
        ProbeFixture f = new ProbeFixture(root, 4, 1, 0.1);
        VisualPrompts prompts = f.deployed.applyVisualPrompts(new VisualPromptConfig(2, false), 3);
        ProbeInputs in = f.shiftedSets(0.2, 0.1);
        ProbeResult r = MethodProbe.measure(in, ProbeFixture.config(1), root);
        assertTrue(prompts.arrays().stream().allMatch(NDArray::hasGradient), "prompts are trainable again after the probe");
        f.deployed.vision().setPrompts(null);
        ProbeResult without = MethodProbe.measure(in, ProbeFixture.config(1), root);
        assertEquals(without.metrics().get("drift"), r.metrics().get("drift"), "prompts are not weights θ0 has");
        assertNotEquals(without.idOod().bound(), r.idOod().bound(), "the features are those of the prompted model");
    }

    @Test
    void layerTracesAreNamedAsGracesLoraLayersInBlockOrder() {
        List<String> lora = new ArrayList<>();
        for (String parameter : twoBlocks.deployed.loraParameters().keySet()) {
            String layer = ClipLoraLoss.layerOf(parameter);
            if (!lora.contains(layer)) {
                lora.add(layer);
            }
        }
        assertEquals(lora, shifted.layerNames());
        assertEquals(List.of("vision_model.encoder.layers.0.self_attn.q_proj", "vision_model.encoder.layers.0.self_attn.v_proj",
                "vision_model.encoder.layers.1.self_attn.q_proj", "vision_model.encoder.layers.1.self_attn.v_proj"),
                shifted.layerNames());
        assertEquals(4, shifted.layerTraceValues().length);
        shifted.layerTraces().values().forEach(t -> assertEquals(3, t.samples()));
    }

    @Test
    void discrepanciesAreZeroForIdenticalSetsAndGrowWithAShift() {
        ProbeResult same = MethodProbe.measure(twoBlocks.identicalSets(), ProbeFixture.config(1), root);
        for (String name : List.of("disc_id_ood", "disc_id_adv", "disc_ood_adv", "disc_max")) {
            assertEquals(0.0, same.metrics().get(name), name);
        }
        Map<String, Double> m = shifted.metrics();
        assertTrue(m.get("disc_id_ood") > 0.0 && m.get("disc_ood_adv") > 0.0, m.toString());
        assertTrue(m.get("disc_id_ood") > m.get("disc_id_adv"), "a larger shift gives a larger discrepancy: " + m);
        assertEquals(Math.max(m.get("disc_id_ood"), Math.max(m.get("disc_id_adv"), m.get("disc_ood_adv"))), m.get("disc_max"));
        ProbeResult strong = MethodProbe.measure(twoBlocks.shiftedSets(0.6, 0.05), ProbeFixture.config(1), root);
        assertTrue(strong.metrics().get("disc_id_ood") > m.get("disc_id_ood"), strong.metrics() + " vs " + m);
        assertTrue(strong.metrics().get("proxy_a_id_ood") >= m.get("proxy_a_id_adv"), strong.metrics().toString());
    }

    @Test
    void boundTermsAreFiniteAndSumToTheTotalAtTheOptimalSigma() {
        Map<String, Double> m = shifted.metrics();
        assertEquals(THEORY_METRICS, new ArrayList<>(m.keySet()));
        m.forEach((name, value) -> assertTrue(Double.isFinite(value), name + " = " + value));
        PacBayesTerms b = shifted.bound();
        assertEquals(b.empiricalRisk() + b.proximity() + b.sharpness() + b.discrepancy() + b.lambdaStar() + b.confidence(),
                m.get("bound_total"), 1e-12);
        assertEquals(m.get("bound_risk") + m.get("bound_prior") + m.get("bound_sharpness") + m.get("bound_discrepancy"),
                m.get("bound_total"), 1e-12, "λ* = 0 and δ = 1 by default, so the four terms are the whole bound");
        assertEquals(shifted.idError(), m.get("bound_risk"));
        assertEquals(m.get("disc_max"), m.get("bound_discrepancy"));
        assertTrue(m.get("trace") > 0 && m.get("bound_sigma") > 0);
        assertEquals(b.proximity(), b.sharpness(), 1e-6 * b.proximity(), "at the optimal σ the two σ-terms are equal");
        assertNull(shifted.density(), "SLQ is off by default");
    }

    @Test
    void theSameSeedGivesIdenticalResultsAndSlqAddsADensity() {
        ProbeInputs in = twoBlocks.shiftedSets(0.3, 0.05);
        ProbeResult again = MethodProbe.measure(in, ProbeFixture.config(1), root);
        assertEquals(shifted.metrics(), again.metrics());
        assertEquals(shifted.layerTraces(), again.layerTraces());
        ProbeResult other = MethodProbe.measure(in, ProbeFixture.config(2).withDensity(2, 6), root);
        assertNotEquals(shifted.metrics().get("trace"), other.metrics().get("trace"), "the seed drives the probes");
        assertEquals(shifted.metrics().get("drift"), other.metrics().get("drift"));
        assertTrue(other.density() != null && other.density().grid().length == other.density().density().length);
        assertEquals(12, other.timings().slqProducts(), "2 probes of 6 steps");
    }

    /** The probe's curvature operator as a dense matrix: columns by finite differences or by double backward. */
    private static double[][] denseHessian(ProbeFixture f, ProbeInputs in, boolean finiteDifferences) {
        try (NDManager scope = root.newSubManager()) {
            ClipModel copy = f.deployed.copy(scope);
            EffectiveWeightLoss loss = new EffectiveWeightLoss(copy, f.head, in.curvature().images(), in.curvature().labels());
            ParameterSubset subset = loss.subset();
            int n = subset.dimension();
            double[][] h = new double[n][];
            try (HessianOperator op = finiteDifferences
                    ? new FiniteDifferenceHessian(subset, loss, FiniteDifferenceConfig.nativePrecision())
                    : new DoubleBackwardHessian(subset, loss)) {
                if (!finiteDifferences) {
                    SymmetryCheck.requireSymmetric(op, 2, 1e-5, 9);
                }
                for (int j = 0; j < n; j++) {
                    double[] e = new double[n];
                    e[j] = 1.0;
                    h[j] = op.apply(e);
                }
            } finally {
                loss.restore();
            }
            if (finiteDifferences) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        double mean = 0.5 * (h[i][j] + h[j][i]);
                        h[i][j] = mean;
                        h[j][i] = mean;
                    }
                }
            }
            return h;
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double d = 0.0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
