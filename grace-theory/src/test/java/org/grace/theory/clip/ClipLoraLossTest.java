package org.grace.theory.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;
import org.grace.theory.hessian.DoubleBackwardHessian;
import org.grace.theory.hessian.FiniteDifferenceConfig;
import org.grace.theory.hessian.FiniteDifferenceHessian;
import org.grace.theory.hessian.ParameterSubset;
import org.grace.theory.spectral.BlockTrace;
import org.grace.theory.spectral.HutchinsonConfig;
import org.grace.theory.spectral.LayerCurvature;
import org.grace.theory.spectral.TraceEstimate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hessian probes on a LoRA-adapted tiny CLIP: the wiring the bound's sharpness term uses. */
class ClipLoraLossTest {

    private static final ClipConfig CONFIG = ClipConfig.tiny(new org.grace.model.clip.VisionConfig(16, 8, 16, 2, 2),
            new org.grace.model.clip.TextConfig(16, 1, 2, 8, 64), 16);
    private NDManager root;
    private ClipModel model;
    private ClipLoraLoss loss;

    @BeforeEach
    void setUp() {
        root = NDManager.newBaseManager();
        model = ClipModel.randomInit(CONFIG, root, 3);
        model.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q, AdapterTarget.V), 2, 4f), 5);
        SplittableRandom rng = new SplittableRandom(8);
        model.loraParameters().forEach((name, p) -> {
            float[] v = new float[(int) p.getShape().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (rng.nextGaussian() * 0.3);
            }
            p.set(v);
        });
        float[] w = new float[CONFIG.embedDim() * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
        }
        ZeroShotHead head = new ZeroShotHead(root.create(w, new Shape(CONFIG.embedDim(), 3)), 10f, List.of("a", "b", "c"));
        float[] pixels = new float[6 * 3 * 16 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) rng.nextDouble();
        }
        loss = new ClipLoraLoss(model, head, root.create(pixels, new Shape(6, 3, 16, 16)), new int[] {0, 1, 2, 0, 1, 2});
    }

    @AfterEach
    void tearDown() {
        root.close();
    }

    @Test
    void doubleBackwardAgreesWithCentralDifferencesOnTheLoraFactors() {
        ParameterSubset subset = ParameterSubset.of(loss.parameters());
        double[] v = new double[subset.dimension()];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        double[] exact;
        try (DoubleBackwardHessian h = new DoubleBackwardHessian(subset, loss)) {
            exact = h.apply(v);
        }
        loss.restore();
        double[] fd = new FiniteDifferenceHessian(subset, loss, FiniteDifferenceConfig.nativePrecision()).apply(v);
        loss.restore();
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            diff += (exact[i] - fd[i]) * (exact[i] - fd[i]);
            norm += exact[i] * exact[i];
        }
        assertTrue(norm > 0);
        assertTrue(Math.sqrt(diff / norm) < 5e-2, "relative difference " + Math.sqrt(diff / norm));
    }

    @Test
    void hessianColumnsAreFiniteAtAFreshLoraWithZeroB() {
        try (NDManager local = root.newSubManager()) {
            ClipModel fresh = ClipModel.randomInit(CONFIG, local, 4);
            fresh.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q), 2, 4f), 6);
            ClipLoraLoss freshLoss = new ClipLoraLoss(fresh, new ZeroShotHead(local.randomNormal(new Shape(CONFIG.embedDim(), 3)),
                    10f, List.of("a", "b", "c")), local.randomUniform(0f, 1f, new Shape(4, 3, 16, 16)), new int[] {0, 1, 2, 0});
            ParameterSubset subset = ParameterSubset.of(freshLoss.parameters());
            try (DoubleBackwardHessian h = new DoubleBackwardHessian(subset, freshLoss)) {
                for (int j = 0; j < subset.dimension(); j += 7) {
                    double[] e = new double[subset.dimension()];
                    e[j] = 1;
                    System.gc();
                    for (double x : h.apply(e)) {
                        assertTrue(Double.isFinite(x), "column " + j);
                    }
                }
            }
        }
    }

    @Test
    void perLayerTracesCoverEveryAdaptedLayerAndRestoreLeavesTheModelUnchanged() {
        Map<String, NDArray> params = loss.parameters();
        NDArray first = params.values().iterator().next();
        float[] before = first.toFloatArray();
        ParameterSubset subset = ParameterSubset.of(params);
        Map<String, TraceEstimate> blocks;
        try (DoubleBackwardHessian h = new DoubleBackwardHessian(subset, loss)) {
            blocks = new BlockTrace(new HutchinsonConfig(10, 40, 0.02, 0, 3)).estimate(h, subset.layout());
        }
        loss.restore();
        Map<String, TraceEstimate> layers = LayerCurvature.byLayer(blocks, ClipLoraLoss::layerOf);
        assertEquals(2 * CONFIG.vision().layers(), layers.size());
        assertTrue(layers.containsKey("vision_model.encoder.layers.1.self_attn.v_proj"));
        layers.values().forEach(t -> assertTrue(Double.isFinite(t.mean())));
        assertArrayEquals(before, model.loraParameters().values().iterator().next().toFloatArray(), 0f);
        assertTrue(model.loraParameters().values().iterator().next() == first, "restore puts the model's own arrays back");
    }
}
