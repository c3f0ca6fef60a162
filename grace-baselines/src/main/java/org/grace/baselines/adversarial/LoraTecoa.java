package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.pgd.TrainingObjective;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;

import java.util.Set;

/**
 * LoRA-TeCoA: {@link Tecoa}'s objective (CE of the frozen zero-shot head on PGD adversarial images)
 * with the image tower frozen and low-rank adapters {@code ΔW = (alpha/r)·B·A} (Hu et al., ICLR
 * 2022) trained on the q and v projections of every vision block (r = 8, alpha = 16 by default).
 * {@link #finish} merges the adapters into the weights ({@link org.grace.model.clip.ClipModel#merge},
 * undone bit for bit by {@code unmerge}), so the deployed model is a plain CLIP.
 *
 * <p>Sources: TeCoA (see {@link Tecoa}); {@code microsoft/LoRA} {@code loralib/layers.py} (A
 * Kaiming-uniform, B = 0). The paper names the baseline without a recipe; our choices: AdamW
 * lr 1e-3 (LoRA needs a higher rate than full finetuning, and the embedded runs are short), weight
 * decay 0 on the factors (decaying B toward 0 fights the adaptation), 10 % warmup, cosine, clipping
 * at 1, and TeCoA's departures.
 */
public final class LoraTecoa extends AdversarialFinetuning {

    /** Registered name. */
    public static final String NAME = "lora-tecoa";

    private final LoraTecoaConfig config;

    private LoraTecoa(MethodSettings settings, LoraTecoaConfig config) {
        super(NAME, settings, config.attack(), config.optimisation());
        this.config = config;
    }

    /** The method with {@code settings} (validated before any training). */
    public static LoraTecoa create(MethodSettings settings) {
        return new LoraTecoa(settings, LoraTecoaConfig.from(settings));
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, LoraTecoa.class, "/org/grace/baselines/methods/lora-tecoa.json");
    }

    public LoraTecoaConfig config() {
        return config;
    }

    /** Installs fresh adapters (seeded by the run's seed) unless the model already carries them. */
    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        if (context.model().loraParameters().isEmpty()) {
            context.model().applyLora(config.lora(), context.seed());
        }
        return Set.of(ParameterGroup.LORA);
    }

    @Override
    TrainingObjective attackObjective(MethodContext context, NDArray images, int[] labels) {
        return DeployedObjectives.crossEntropy(context.model(), context.head(), labels);
    }

    @Override
    NDArray lossOn(MethodContext context, StepContext step, NDArray images, NDArray adversarial, int[] labels) {
        return Tecoa.adversarialCrossEntropy(context, adversarial, labels);
    }

    /** Merges the trained adapters into the vision weights. */
    @Override
    public void finish(MethodContext context) {
        context.model().merge();
    }
}
