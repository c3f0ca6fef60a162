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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Prints ms per training step (loss + backward, no optimiser update) of GRACE and its ablations
 * against a plain LoRA cross-entropy step and a LoRA-TeCoA step (PGD + CE on x_adv), on the
 * embedded-scale model {@code ClipConfig.TINY} (32×32 images, width 64, 4 blocks) with a 10-class
 * head, batch 32, and their ratios to the plain LoRA step (paper: GRACE ≈ 5× vanilla training,
 * standard adversarial training ≈ 7×). Run: {@code mvn -o -q -pl grace-model -am test-compile
 * exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.grace.model.grace.GraceStepBenchmark}.
 */
public final class GraceStepBenchmark {

    private static final int BATCH = 32;
    private static final int CLASSES = 10;
    private static final int WARMUP = 3;
    private static final int STEPS = 10;

    private GraceStepBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("GRACE step cost, ClipConfig.TINY, batch %d, %d classes, %d timed steps after %d warm-up, %d cores%n",
                BATCH, CLASSES, STEPS, WARMUP, Runtime.getRuntime().availableProcessors());
        try (MethodFixture fixture = MethodFixture.tiny(1, STEPS, BATCH)) {
            double plain = time(fixture, GraceMethod.defaults(GraceMethod.NAME), (run) -> run.plainStep());
            System.out.printf("%-34s %8.1f ms/step  1.00x%n", "lora-ft (clean CE)", plain);
            for (int pgdSteps : new int[] {10, 2}) {
                MethodSettings tecoa = GraceMethod.defaults(GraceMethod.NAME).with(Map.of("pgd_steps", pgdSteps));
                double t = time(fixture, tecoa, (run) -> run.tecoaStep());
                System.out.printf("%-34s %8.1f ms/step  %.2fx%n", "lora-tecoa (PGD-" + pgdSteps + ")", t, t / plain);
                for (String name : GraceMethod.NAMES) {
                    MethodSettings s = GraceMethod.defaults(name).with(Map.of("pgd_steps", pgdSteps));
                    double g = time(fixture, s, (run) -> run.graceStep());
                    System.out.printf("%-34s %8.1f ms/step  %.2fx%n", name + " (PGD-" + pgdSteps + ")", g, g / plain);
                }
            }
        }
    }

    /** One model + method + batch source. */
    private static final class Run {
        final MethodContext context;
        final GraceMethod method;
        final NDManager manager;
        int step;
        NDManager stepManager;

        Run(MethodContext context, GraceMethod method, NDManager manager) {
            this.context = context;
            this.method = method;
            this.manager = manager;
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

    private static double time(MethodFixture fixture, MethodSettings settings, Function<Run, NDArray> stepLoss) {
        MethodContext base = fixture.context();
        try (NDManager root = fixture.manager().newSubManager()) {
            ClipModel model = ClipModel.randomInit(ClipConfig.TINY, root, 3);
            NDArray columns = root.randomNormal(new Shape(ClipConfig.TINY.embedDim(), CLASSES));
            ZeroShotHead head = new ZeroShotHead(columns.div(columns.norm(new int[] {0}, true)), 100f, classNames());
            MethodContext ctx = new MethodContext(model, model, head, base.tokenizer(), base.idTexts(), base.train(),
                    base.heldOut(), WARMUP + STEPS, BATCH, 1, root);
            GraceMethod method = GraceMethod.create(settings);
            Map<String, NDArray> lora = GraceMethodTest.prepare(method, ctx);
            Run run = new Run(ctx, method, root);
            long start = 0;
            for (int s = 0; s < WARMUP + STEPS; s++) {
                if (s == WARMUP) {
                    start = System.nanoTime();
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
            return (System.nanoTime() - start) / 1e6 / STEPS;
        }
    }

    private static List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            names.add("class" + c);
        }
        return names;
    }
}
