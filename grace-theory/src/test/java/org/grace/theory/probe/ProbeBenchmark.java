package org.grace.theory.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.SplittableRandom;
import org.grace.attacks.Norm;
import org.grace.attacks.pgd.Pgd;
import org.grace.attacks.pgd.PgdConfig;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.pretrain.PretrainConfig;
import org.grace.model.pretrain.PretrainedTinyClip;
import org.grace.model.pretrain.TinyClipPretraining;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.model.zeroshot.ZeroShotHead;

/**
 * Seconds per probe on the committed tiny CLIP, split by part, with the default config and with SLQ.
 *
 * <p>Setup: θ0 = the committed checkpoint; the "deployed" model is θ0 with LoRA r=8 on the vision q and v
 * projections and B ~ N(0, 0.02²) (a stand-in for a trained LoRA method); the head is the zero-shot head
 * over the embedded world's ID classes. Curvature batch and ID set: the first 64 / 250 images of the ID
 * test split; OOD: 250 sketch-analogue images; adversarial: PGD-10 (L∞, ε = 4/255) on the ID set.
 * Run with {@code -Dai.djl.pytorch.num_threads=1} when others share the machine:
 * {@code java -Dai.djl.pytorch.num_threads=1 -cp <grace-theory test classpath> org.grace.theory.probe.ProbeBenchmark [repeats]}.
 */
public final class ProbeBenchmark {

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SynthWorld world = TinyClipPretraining.world(PretrainConfig.defaults());
        try (NDManager root = NDManager.newBaseManager()) {
            PretrainedTinyClip.Loaded loaded = PretrainedTinyClip.loadCommitted(root);
            ClipModel reference = loaded.model();
            ClipModel deployed = reference.copy(root);
            deployed.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q, AdapterTarget.V),
                    8, 16f), 1);
            SplittableRandom rng = new SplittableRandom(2);
            deployed.loraParameters().forEach((name, p) -> {
                if (name.endsWith("lora_B.weight")) {
                    float[] v = new float[(int) p.getShape().size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (rng.nextGaussian() * 0.02);
                    }
                    p.set(v);
                }
            });
            ZeroShotHead head = ZeroShotHead.build(deployed, loaded.tokenizer(), world.idTexts().classNames(),
                    world.idTexts().templates(), root, 64);
            LabelledImages curvature = images("curvature", world.idTest(), 64, root);
            LabelledImages id = images("id", world.idTest(), 250, root);
            LabelledImages ood = images("ood", world.sketch(), 250, root);
            NDArray adv = new Pgd(PgdConfig.madry(Norm.LINF, 4 / 255.0, 1 / 255.0, 10, 3))
                    .perturb(new ClipClassifier(deployed, head), id.images(), id.labels());
            LabelledImages adversarial = new LabelledImages("adv", adv, id.labels());
            ProbeInputs inputs = new ProbeInputs("lora-bench", deployed, head, reference, curvature, id, ood, adversarial,
                    world.idTrain().size());
            System.out.printf(Locale.ROOT, "tiny CLIP %s, %d q/v coordinates, threads=%s%n", reference.config().vision(),
                    2L * reference.config().vision().layers() * reference.config().vision().width()
                            * reference.config().vision().width(), System.getProperty("ai.djl.pytorch.num_threads", "default"));
            for (boolean slq : new boolean[] {false, true}) {
                for (int r = 0; r < repeats; r++) {
                    ProbeResult result = MethodProbe.measure(inputs, ProbeConfig.defaults(0).withSlq(slq), root);
                    ProbeTimings t = result.timings();
                    System.out.printf(Locale.ROOT, "slq=%s total %.2f s | drift %.2f, setup %.2f, symmetry %.2f, "
                                    + "lambda_max %.2f (%d HVP, %s), trace %.2f (%d HVP, SE/mean %.3f), per-layer %.2f (%d HVP), "
                                    + "slq %.2f (%d HVP), discrepancy %.2f%n", slq, t.total(), t.drift(), t.setup(),
                            t.symmetry(), t.lambdaMax(), t.lambdaProducts(), result.lanczos().stopReason(), t.trace(),
                            t.traceProducts(), result.trace().standardError() / Math.abs(result.trace().mean()), t.layers(),
                            t.layerProducts(), t.slq(), t.slqProducts(), t.discrepancy());
                    if (r == 0) {
                        System.out.println("  metrics " + result.metrics());
                        System.out.println("  layer traces " + result.layerTraces());
                        System.out.println("  whole trace " + result.trace() + "; sum of layer traces " + result.layerTraceTotal());
                    }
                }
            }
        }
    }

    /** The first {@code count} images of a split as a labelled set (labels mapped into the full ID label space). */
    private static LabelledImages images(String name, ImageDataset split, int count, NDManager manager) {
        int n = Math.min(count, split.size());
        int s = split.imageSize();
        float[] pixels = new float[n * 3 * s * s];
        int[] labels = new int[n];
        int[] subset = split.classSubset().orElse(null);
        for (int i = 0; i < n; i++) {
            System.arraycopy(split.image(i), 0, pixels, i * 3 * s * s, 3 * s * s);
            labels[i] = subset == null ? split.label(i) : subset[split.label(i)];
        }
        return new LabelledImages(name, manager.create(pixels, new Shape(n, 3, s, s)), labels);
    }
}
