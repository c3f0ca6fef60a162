package org.grace.theory.clip;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;
import org.grace.theory.hessian.DoubleBackwardHessian;
import org.grace.theory.hessian.LossGradient;
import org.grace.theory.hessian.ParameterSubset;
import org.grace.theory.spectral.LanczosConfig;
import org.grace.theory.spectral.LanczosResult;
import org.grace.theory.spectral.LanczosSolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Curvature probes on CLIP itself (the benchmark, on the models the suite analyses):
 * HVP cost relative to one gradient and Lanczos steps to 1e-3 on λ_max for the tiny config's LoRA
 * factors, and the process memory that the double-backward graph of ViT-B/32's LoRA subset adds,
 * measured as resident-set growth (Linux /proc/self/status). Run with
 * {@code java -cp <grace-theory test classpath> org.grace.theory.clip.ClipCurvatureBenchmark}.
 */
public final class ClipCurvatureBenchmark {

    private ClipCurvatureBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        tiny();
        vitB32();
    }

    private static ClipLoraLoss loss(ClipModel model, NDManager m, int batch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        model.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q, AdapterTarget.V), 8, 16f), seed);
        model.loraParameters().forEach((name, p) -> {
            if (name.endsWith("lora_B.weight")) {
                float[] v = new float[(int) p.getShape().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (rng.nextGaussian() * 0.02);
                }
                p.set(v);
            }
        });
        int e = model.config().embedDim();
        ZeroShotHead head = new ZeroShotHead(m.randomNormal(new Shape(e, 10)), 100f, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        int s = model.config().vision().imageSize();
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 10;
        }
        return new ClipLoraLoss(model, head, m.randomUniform(0f, 1f, new Shape(batch, 3, s, s)), labels);
    }

    private static void tiny() {
        System.out.println("== tiny CLIP (ClipConfig.TINY), LoRA r=8 on vision q,v, batch 64 ==");
        try (NDManager m = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.randomInit(ClipConfig.TINY, m, 1);
            ClipLoraLoss loss = loss(model, m, 64, 2);
            ParameterSubset subset = ParameterSubset.of(loss.parameters());
            LossGradient gradient = new LossGradient(subset, loss);
            double grad = median(() -> gradient.atCurrent());
            try (DoubleBackwardHessian h = new DoubleBackwardHessian(subset, loss)) {
                double[] v = new double[subset.dimension()];
                SplittableRandom rng = new SplittableRandom(3);
                for (int i = 0; i < v.length; i++) {
                    v[i] = rng.nextGaussian();
                }
                double hvp = median(() -> h.apply(v));
                System.out.printf(Locale.ROOT, "parameters %d: gradient %.1f ms, HVP %.1f ms, HVP/gradient %.2f%n",
                        subset.dimension(), grad, hvp, hvp / grad);
                LanczosResult reference = new LanczosSolver(new LanczosConfig(120, 1, 1e-10, 5)).solve(h);
                LanczosResult stopped = new LanczosSolver(new LanczosConfig(120, 1, 1e-3, 5)).solve(h);
                int first = -1;
                for (int j = 0; j < reference.history().size(); j++) {
                    double[] ritz = reference.history().get(j);
                    if (Math.abs(ritz[ritz.length - 1] - reference.lambdaMax()) <= 1e-3 * Math.abs(reference.lambdaMax())) {
                        first = j + 1;
                        break;
                    }
                }
                System.out.printf(Locale.ROOT, "lambda_max %.5g (120-step reference); first step within 1e-3: %d; "
                        + "residual rule (tol 1e-3) stops at step %d, relative error %.1e%n", reference.lambdaMax(), first,
                        stopped.steps(), Math.abs(stopped.lambdaMax() - reference.lambdaMax()) / Math.abs(reference.lambdaMax()));
            }
            loss.restore();
        }
    }

    private static void vitB32() throws IOException {
        System.out.println("== ViT-B/32, LoRA r=8 on vision q,v (294,912 parameters), batch 4: resident memory ==");
        try (NDManager m = NDManager.newBaseManager()) {
            long base = rssMiB();
            ClipModel model = ClipModel.randomInit(ClipConfig.named("ViT-B/32"), m, 1);
            ClipLoraLoss loss = loss(model, m, 4, 2);
            long withModel = rssMiB();
            ParameterSubset subset = ParameterSubset.of(loss.parameters());
            long t0 = System.nanoTime();
            try (DoubleBackwardHessian h = new DoubleBackwardHessian(subset, loss)) {
                long withGraph = rssMiB();
                double[] v = new double[subset.dimension()];
                v[0] = 1;
                long t1 = System.nanoTime();
                h.apply(v);
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "model %d MiB; double-backward graph +%d MiB; Lanczos vectors for k=50: %.1f MiB; "
                        + "graph build %.1f s, one HVP %.2f s%n", withModel - base, withGraph - withModel,
                        LanczosSolver.memoryBytes(subset.dimension(), 50, 1) / 1048576.0, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
            loss.restore();
        }
    }

    private static long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static double median(java.util.function.Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long t0 = System.nanoTime();
            work.get();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }

}
