package org.grace.attacks.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.grace.attacks.Classifier;
import org.grace.attacks.LossGradient;
import org.grace.attacks.Norm;
import org.grace.attacks.apgd.Apgd;
import org.grace.attacks.apgd.ApgdConfig;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.testing.MlpClassifier;
import org.grace.attacks.testing.SmallCnnClassifier;
import org.grace.attacks.testing.TestData;
import org.grace.attacks.testing.TinyConvClassifier;

/**
 * Prints the wall time of APGD-CE with 100 iterations divided by the time of 100 forward+backward
 * passes of the same model and batch (target ≤ 1.15): the two are timed alternately,
 * {@code repeats} times after one warm-up round; it prints the ratio of the totals and the median
 * per-round ratio (the machine may be shared, so single rounds are noisy), and the ratio of CPU
 * time spent in the calling thread, which with {@code -Dai.djl.pytorch.num_threads=1} holds all
 * of libtorch's work and is insensitive to other load on the machine.
 * The APGD run includes its clean forward pass and the gradient at the starting point.
 * Run (see the module README): {@code java -cp <test classpath>
 * org.grace.attacks.bench.ApgdOverheadBenchmark [batch] [repeats] [cnn|conv|mlp]}.
 */
public final class ApgdOverheadBenchmark {

    private ApgdOverheadBenchmark() {}

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String only = args.length > 2 ? args[2] : "";
        try (NDManager m = NDManager.newBaseManager()) {
            if (only.isEmpty() || only.equals("cnn")) {
                measure("cnn 3x32x32 (32, 64 filters)", new SmallCnnClassifier(m, 3, 10, 5),
                        TestData.images(m, batch, 3, 32, 32, 0, 1, 6), batch, repeats);
            }
            if (only.isEmpty() || only.equals("conv")) {
                measure("conv 3x32x32, 32 filters", new TinyConvClassifier(m, 3, 32, 10, 3),
                        TestData.images(m, batch, 3, 32, 32, 0, 1, 4), batch, repeats);
            }
            if (only.isEmpty() || only.equals("mlp")) {
                measure("mlp 3x32x32 -> 512 -> 10", new MlpClassifier(m, 3 * 32 * 32, 512, 10, 1, false),
                        TestData.images(m, batch, 3, 32, 32, 0, 1, 2), batch, repeats);
            }
        }
    }

    private static void measure(String name, Classifier model, NDArray x, int batch, int repeats) {
        // Every point must stay in play for all 100 iterations: labels are the model's own
        // predictions and eps is tiny, so no point is ever fooled.
        int[] y = TestData.predictedLabels(model, x);
        Apgd apgd = new Apgd(ApgdConfig.of(Norm.LINF, 1e-6, new CrossEntropyLoss(), 1, 0));
        double totalBase = 0;
        double totalAttack = 0;
        double cpuBase = 0;
        double cpuAttack = 0;
        double[] ratios = new double[repeats];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repeats + 1; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                try (NDManager step = x.getManager().newSubManager()) {
                    NDArray xi = x.duplicate();
                    xi.attach(step);
                    LossGradient.at(model, xi, new CrossEntropyLoss(), y, null);
                }
            }
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            try (NDManager run = x.getManager().newSubManager()) {
                NDArray xi = x.duplicate();
                xi.attach(run);
                apgd.perturb(model, xi, y);
            }
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            double base = (t1 - t0) / 1e9;
            double attack = (t2 - t1) / 1e9;
            if (r > 0) {
                totalBase += base;
                totalAttack += attack;
                ratios[r - 1] = attack / base;
                cpuBase += c1 - c0;
                cpuAttack += c2 - c1;
            }
        }
        java.util.Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "%-28s batch %3d: 100 fwd+bwd %.3f s, APGD-CE 100 it %.3f s (means of %d),"
                        + " wall ratio of totals %.3f, median wall ratio %.3f, calling-thread CPU ratio %.3f%n",
                name, batch, totalBase / repeats, totalAttack / repeats, repeats, totalAttack / totalBase,
                ratios[repeats / 2], cpuAttack / cpuBase);
    }
}
