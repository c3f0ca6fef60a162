package org.grace.model.grace;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TestInputs;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodFixture;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.StepContext;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.model.zeroshot.ZeroShotHead;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Prints ms per training step (loss + backward, no optimiser update) of GRACE and its ablations
 * against a plain LoRA cross-entropy step and a LoRA-TeCoA step (PGD + CE on x_adv), on the
 * embedded-scale model {@code ClipConfig.TINY} (32×32 images, width 64, 4 blocks) with a 10-class
 * head, batch 16, and their ratios to the plain LoRA step (paper: GRACE ≈ 5× vanilla training,
 * standard adversarial training ≈ 7×). Run on the test classpath with
 * {@code -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}: on a shared 2-core
 * machine libtorch's spinning worker threads otherwise inflate every step several-fold.
 */
public final class GraceStepBenchmark {

    private static final int BATCH = 16;
    private static final int CLASSES = 10;
    private static final int WARMUP = 2;
    private static final int STEPS = 5;

    private GraceStepBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("GRACE step cost, ClipConfig.TINY, batch %d, %d classes, %d timed steps after %d warm-up,"
                + " %d cores; wall and process-CPU ms per step (CPU time is steadier on a shared machine)%n",
                BATCH, CLASSES, STEPS, WARMUP, Runtime.getRuntime().availableProcessors());
        try (MethodFixture fixture = MethodFixture.tiny(1, STEPS, BATCH)) {
            double[] plain = time(fixture, GraceMethod.defaults(GraceMethod.NAME), Run::plainStep);
            print("lora-ft (clean CE)", plain, plain);
            for (int pgdSteps : new int[] {2, 10}) {
                MethodSettings tecoa = GraceMethod.defaults(GraceMethod.NAME).with(Map.of("pgd_steps", pgdSteps));
                print("lora-tecoa (PGD-" + pgdSteps + ")", time(fixture, tecoa, Run::tecoaStep), plain);
                List<String> names = pgdSteps == 10 ? List.of(GraceMethod.NAME) : GraceMethod.NAMES;
                for (String name : names) {
                    MethodSettings s = GraceMethod.defaults(name).with(Map.of("pgd_steps", pgdSteps));
                    print(name + " (PGD-" + pgdSteps + ")", time(fixture, s, Run::graceStep), plain);
                }
            }
        }
    }

    private static void print(String label, double[] t, double[] plain) {
        System.out.printf("%-26s wall %8.1f ms/step %6.2fx   cpu %8.1f ms/step %6.2fx%n", label, t[0], t[0] / plain[0],
                t[1], t[1] / plain[1]);
    }

    /** One model + method + batch source. */
    private static final class Run {
        final MethodContext context;
        final GraceMethod method;
        int step;
        NDManager stepManager;

        Run(MethodContext context, GraceMethod method) {
            this.context = context;
            this.method = method;
        }

        NDArray plainStep() {
            NDManager m = stepManager;
            NDArray images = TestInputs.images(m, ClipConfig.TINY, BATCH, step);
            NDArray logits = context.head().logits(context.model().encodeImage(images));
            return new CrossEntropyLoss().perSample(logits, labels(), null).mean();
        }

        NDArray tecoaStep() {
            NDManager m = stepManager;
            NDArray images = TestInputs.images(m, ClipConfig.TINY, BATCH, step);
            ClipClassifier classifier = new ClipClassifier(context.model(), context.head());
            NDArray adv = new StepPgd(method.config().pgdEps(), method.config().pgdStepSize(), method.config().pgdSteps())
                    .attack(classifier, images, labels(), new SplittableRandom(step),
                            new ArrayList<>(context.model().loraParameters().values()));
            return new CrossEntropyLoss().perSample(classifier.logits(adv), labels(), null).mean();
        }

        NDArray graceStep() {
            NDManager m = stepManager;
            NDArray images = TestInputs.images(m, ClipConfig.TINY, BATCH, step);
            return method.loss(context, new StepContext(step + 1, WARMUP + STEPS, m, new SplittableRandom(step)),
                    images, labels()).loss();
        }


        int[] labels() {
            int[] y = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                y[i] = (i * 7 + step) % CLASSES;
            }
            return y;
        }
    }

    /** {wall, process CPU} milliseconds per step. */
    private static double[] time(MethodFixture fixture, MethodSettings settings, Function<Run, NDArray> stepLoss) {
        MethodContext base = fixture.context();
        try (NDManager root = fixture.manager().newSubManager()) {
            ClipModel model = ClipModel.randomInit(ClipConfig.TINY, root, 3);
            NDArray columns = root.randomNormal(new Shape(ClipConfig.TINY.embedDim(), CLASSES));
            ZeroShotHead head = new ZeroShotHead(columns.div(columns.norm(new int[] {0}, true)), 100f, classNames());
            MethodContext ctx = new MethodContext(model, model, head, base.tokenizer(), base.idTexts(), base.train(),
                    base.heldOut(), WARMUP + STEPS, BATCH, 1, root);
            GraceMethod method = GraceMethod.create(settings);
            Map<String, NDArray> lora = GraceMethodTest.prepare(method, ctx);
            Run run = new Run(ctx, method);
            long start = 0;
            long cpuStart = 0;
            for (int s = 0; s < WARMUP + STEPS; s++) {
                if (s == WARMUP) {
                    start = System.nanoTime();
                    cpuStart = cpu();
                }
                run.step = s;
                try (NDManager m = root.newSubManager()) {
                    run.stepManager = m;
                    GraceMethodTest.zero(lora);
                    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                        c.backward(stepLoss.apply(run));
                    }
                }
            }
            return new double[] {(System.nanoTime() - start) / 1e6 / STEPS, (cpu() - cpuStart) / 1e6 / STEPS};
        }
    }

    /** CPU time of the whole process (all threads, native ones included), in ns. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            names.add("class" + c);
        }
        return names;
    }
}
