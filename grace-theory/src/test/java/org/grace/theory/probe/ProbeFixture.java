package org.grace.theory.probe;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.LoraConfig;
import org.grace.model.adapters.Tower;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.ClipModel;
import org.grace.model.clip.TextConfig;
import org.grace.model.clip.VisionConfig;
import org.grace.model.zeroshot.ZeroShotHead;

/**
 * A tiny random CLIP (16-pixel images, 8-wide vision tower) with θ0, a LoRA-adapted "deployed" copy,
 * a random 3-class head and seeded random image sets: small enough that a probe takes well under a second.
 */
final class ProbeFixture {

    static final int IMAGE = 16;
    static final List<String> CLASSES = List.of("a", "b", "c");

    final NDManager manager;
    final ClipModel reference;
    final ClipModel deployed;
    final ZeroShotHead head;

    /**
     * @param width   vision tower width (the q/v coordinates number 2·layers·width²)
     * @param layers  vision blocks
     * @param loraB   standard deviation of the LoRA B entries (0: B = 0, the deployed model equals θ0)
     */
    ProbeFixture(NDManager parent, int width, int layers, double loraB) {
        manager = parent.newSubManager();
        ClipConfig config = ClipConfig.tiny(new VisionConfig(IMAGE, 8, width, layers, 2), new TextConfig(8, 1, 2, 4, 16), 8);
        reference = ClipModel.randomInit(config, manager, 3);
        deployed = reference.copy(manager);
        deployed.applyLora(LoraConfig.uniform(EnumSet.of(Tower.VISION), EnumSet.of(AdapterTarget.Q, AdapterTarget.V), 2, 4f), 5);
        setLoraB(loraB, 7);
        SplittableRandom rng = new SplittableRandom(11);
        float[] w = new float[8 * CLASSES.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
        }
        head = new ZeroShotHead(manager.create(w, new Shape(8, CLASSES.size())), 10f, CLASSES);
    }

    /** Sets every LoRA B entry to N(0, std²) from {@code seed}. */
    void setLoraB(double std, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        deployed.loraParameters().forEach((name, p) -> {
            if (name.endsWith("lora_B.weight")) {
                float[] v = new float[(int) p.getShape().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (rng.nextGaussian() * std);
                }
                p.set(v);
            }
        });
    }

    /** {@code n} seeded random images in [0,1] with labels i mod 3. */
    LabelledImages images(String name, int n, long seed) {
        return shifted(name, n, seed, 0.0);
    }

    /** The same images as {@link #images} with seed {@code seed}, brightened by {@code shift} and clipped to [0,1]. */
    LabelledImages shifted(String name, int n, long seed, double shift) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] pixels = new float[n * 3 * IMAGE * IMAGE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Math.min(1.0, rng.nextDouble() + shift);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES.size();
        }
        return new LabelledImages(name, manager.create(pixels, new Shape(n, 3, IMAGE, IMAGE)), labels);
    }

    /** Inputs with ID = OOD = adversarial = the same 24 images, and a 12-image curvature batch. */
    ProbeInputs identicalSets() {
        LabelledImages id = images("id", 24, 1);
        return new ProbeInputs("fixture", deployed, head, reference, images("curvature", 12, 2), id,
                new LabelledImages("ood", id.images(), id.labels()), new LabelledImages("adv", id.images(), id.labels()), 1000);
    }

    /** Inputs whose OOD and adversarial sets are the ID images brightened by {@code oodShift} and {@code advShift}. */
    ProbeInputs shiftedSets(double oodShift, double advShift) {
        return new ProbeInputs("fixture", deployed, head, reference, images("curvature", 12, 2), images("id", 24, 1),
                shifted("ood", 24, 1, oodShift), shifted("adv", 24, 1, advShift), 1000);
    }

    /**
     * The default config with a 12-image curvature batch and small probe budgets (≤ 15 Lanczos steps,
     * 4–6 trace probes, 3 per layer), so the tests stay fast on a busy 2-core machine.
     */
    static ProbeConfig config(long seed) {
        return ProbeConfig.defaults(seed).withCurvatureBatch(12).withLanczos(15, 1e-3).withTraceProbes(4, 6, 3);
    }
}
