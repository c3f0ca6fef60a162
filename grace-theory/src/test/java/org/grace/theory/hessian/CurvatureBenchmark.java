package org.grace.theory.hessian;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.grace.theory.spectral.LanczosConfig;
import org.grace.theory.spectral.LanczosResult;
import org.grace.theory.spectral.LanczosSolver;
import org.grace.theory.spectral.SymmetricOperator;
import org.grace.theory.spectral.Vectors;

/**
 * Prints the curvature benchmark numbers:
 * (1) the cost of one Hessian-vector product relative to one gradient, for softmax regression and a
 * two-layer perceptron in float32 (double backward, central differences in float32 and float64);
 * (2) Lanczos steps to 1e-3 relative accuracy on λ_max for the perceptron, against a dense
 * eigen-decomposition (EJML) of its Hessian assembled column by column;
 * (3) the float64 vector memory Lanczos needs for the parameter subsets of CLIP ViT-B/32's image
 * tower, from the architecture's sizes (width 768, 12 blocks, MLP 3072, patch 32, 224 px,
 * embedding 512; OpenAI CLIP).
 *
 * <p>Run: {@code mvn -o -q -pl grace-theory -am test-compile} then
 * {@code java -cp <test classpath> org.grace.theory.hessian.CurvatureBenchmark}. Times are medians
 * of repeated calls after warm-up, on whatever the machine offers (shared CPUs vary a lot).
 */
public final class CurvatureBenchmark {

    private CurvatureBenchmark() {
    }

    public static void main(String[] args) {
        hvpCost();
        lanczosSteps();
        vitMemory();
    }

    private static void hvpCost() {
        System.out.println("== Hessian-vector product cost relative to one gradient (float32 model, median ms) ==");
        System.out.println("model                       N      grad    HVP-db  HVP-fd32 HVP-fd64  db/grad fd32/grad fd64/grad  db-setup");
        try (NDManager manager = NDManager.newBaseManager()) {
            SoftmaxRegressionProblem softmax = new SoftmaxRegressionProblem(512, 64, 10, 1L);
            row("softmax regression 64->10", softmax.parameters(manager, DataType.FLOAT32), softmax.loss(manager));
            MlpProblem mlp = new MlpProblem(512, 32, 64, 10, 2L);
            row("MLP 32-64-10 (tanh)", mlp.parameters(manager, DataType.FLOAT32), mlp.loss(manager));
        }
    }

    private static void row(String name, ParameterSubset subset,
                            java.util.function.Function<List<ai.djl.ndarray.NDArray>, ai.djl.ndarray.NDArray> loss) {
        LossGradient gradient = new LossGradient(subset, loss);
        double[] v = Vectors.rademacher(subset.dimension(), new SplittableRandom(3L));
        double grad = medianMillis(() -> gradient.atCurrent());
        long t0 = System.nanoTime();
        DoubleBackwardHessian db = new DoubleBackwardHessian(subset, loss);
        double setup = (System.nanoTime() - t0) / 1e6;
        double hvp = medianMillis(() -> db.apply(v));
        FiniteDifferenceHessian fd32 = new FiniteDifferenceHessian(subset, loss, FiniteDifferenceConfig.nativePrecision());
        double fd32Time = medianMillis(() -> fd32.apply(v));
        FiniteDifferenceHessian fd64 = new FiniteDifferenceHessian(subset, loss, FiniteDifferenceConfig.float64());
        double fd64Time = medianMillis(() -> fd64.apply(v));
        db.close();
        System.out.printf(Locale.ROOT, "%-25s %6d %8.3f %8.3f %8.3f %8.3f %8.2f %8.2f %8.2f %9.3f%n", name,
                subset.dimension(), grad, hvp, fd32Time, fd64Time, hvp / grad, fd32Time / grad, fd64Time / grad, setup);
    }

    private static double medianMillis(Supplier<?> work) {
        for (int i = 0; i < 10; i++) {
            work.get();
        }
        double[] times = new double[31];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            work.get();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private static void lanczosSteps() {
        System.out.println();
        System.out.println("== Lanczos steps to 1e-3 relative accuracy on lambda_max (MLP 16-32-10, n=256, float32 double backward) ==");
        MlpProblem mlp = new MlpProblem(256, 16, 32, 10, 4L);
        try (NDManager manager = NDManager.newBaseManager();
             DoubleBackwardHessian hessian = new DoubleBackwardHessian(mlp.parameters(manager, DataType.FLOAT32), mlp.loss(manager));
             DoubleBackwardHessian exact = new DoubleBackwardHessian(mlp.parameters(manager, DataType.FLOAT64), mlp.loss(manager))) {
            double[] dense = denseEigenvalues(exact);
            double lambdaMax = dense[dense.length - 1];
            System.out.printf(Locale.ROOT, "N=%d, dense (EJML, float64 Hessian) lambda_max=%.6g, lambda_min=%.6g, second=%.6g%n",
                    dense.length, lambdaMax, dense[0], dense[dense.length - 2]);
            System.out.println("seed  first step within 1e-3   steps at residual stop (tol 1e-3)   rel. error at stop   stop reason");
            for (long seed = 1; seed <= 5; seed++) {
                LanczosResult full = new LanczosSolver(new LanczosConfig(200, 1, 1e-12, seed)).solve(hessian);
                int first = -1;
                for (int j = 0; j < full.history().size(); j++) {
                    double[] ritz = full.history().get(j);
                    if (Math.abs(ritz[ritz.length - 1] - lambdaMax) <= 1e-3 * Math.abs(lambdaMax)) {
                        first = j + 1;
                        break;
                    }
                }
                LanczosResult stopped = new LanczosSolver(new LanczosConfig(200, 1, 1e-3, seed)).solve(hessian);
                System.out.printf(Locale.ROOT, "%4d  %24d   %34d   %18.2e   %s%n", seed, first, stopped.steps(),
                        Math.abs(stopped.lambdaMax() - lambdaMax) / Math.abs(lambdaMax), stopped.stopReason());
            }
        }
    }

    private static double[] denseEigenvalues(SymmetricOperator op) {
        int n = op.dimension();
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1.0;
            double[] column = op.apply(e);
            for (int r = 0; r < n; r++) {
                h.set(r, c, column[r]);
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < r; c++) {
                double mean = 0.5 * (h.get(r, c) + h.get(c, r));
                h.set(r, c, mean);
                h.set(c, r, mean);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(h)) {
            throw new IllegalStateException("dense eigen-decomposition failed");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(values);
        return values;
    }

    private static void vitMemory() {
        System.out.println();
        System.out.println("== Lanczos vector memory for CLIP ViT-B/32 image-tower parameter subsets (float64, top-1) ==");
        long width = 768;
        long mlp = 3072;
        long embed = 512;
        long block = width * 3 * width + 3 * width + width * width + width + 2 * width
                + width * mlp + mlp + mlp * width + width + 2 * width;
        long tower = 3 * 32 * 32 * width + width + 50 * width + 2 * width + 12 * block + 2 * width + width * embed;
        long loraAttnQv8 = 12L * 2 * (2 * width * 8);
        long loraAllLinear8 = 12L * 8 * (4 * (width + width) + (width + mlp) + (mlp + width));
        long loraAllLinear16 = 2 * loraAllLinear8;
        Object[][] subsets = {
                {"zero-shot head 512x1000", embed * 1000},
                {"visual projection 768x512", width * embed},
                {"LoRA r=8 on q,v (12 blocks)", loraAttnQv8},
                {"LoRA r=8 on all linear layers", loraAllLinear8},
                {"LoRA r=16 on all linear layers", loraAllLinear16},
                {"last transformer block", block},
                {"last 2 blocks + ln_post + proj", 2 * block + 2 * width + width * embed},
                {"full image tower", tower},
        };
        System.out.println("subset                              parameters   k=20 (GB)   k=50 (GB)  k=100 (GB)");
        for (Object[] s : subsets) {
            long n = (Long) s[1];
            System.out.printf(Locale.ROOT, "%-34s %12d %11.3f %11.3f %11.3f%n", s[0], n,
                    LanczosSolver.memoryBytes(n, 20, 1) / 1e9, LanczosSolver.memoryBytes(n, 50, 1) / 1e9,
                    LanczosSolver.memoryBytes(n, 100, 1) / 1e9);
        }
        System.out.println("(the Hessian operator's own memory, a retained gradient graph for double backward, comes on top"
                + " and must be measured on the model)");
    }
}
