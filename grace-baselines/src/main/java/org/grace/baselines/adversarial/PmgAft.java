package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.pgd.TrainingObjective;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;

import java.util.Set;

/**
 * PMG-AFT, pre-trained-model-guided adversarial finetuning (Wang et al., CVPR 2024): the loss of
 * {@link PmgAftLoss} (CE on adversarial images + α·KL to the frozen original on the same
 * adversarial images + β·KL between the model's clean and adversarial predictions), with x_adv from
 * PGD-ℓ∞ on the CE of the zero-shot head. Trains the image tower; text tower, head and θ₀ stay
 * frozen. With α = β = 0 it is {@link Tecoa}'s loss.
 *
 * <p>Source: {@code serendipity1122/Pre-trained-Model-Guided-Fine-Tuning-for-Zero-Shot-Adversarial-Robustness}
 * {@code PMG_AFT.py::train} at a53fdd8. Departures (besides the temperature and KL reduction stated
 * in {@link PmgAftLoss}):
 * <ul>
 *   <li>AdamW lr 1e-4, wd 1e-4, 10 % warmup, cosine, clipping at 1 (official: SGD momentum 0.9,
 *       lr 5e-5, 1000 warmup steps): a few hundred steps on a small model need a larger rate.</li>
 *   <li>Training attack ε = 4/255, 10 steps of 1/255 (official TinyImageNet run: ε = 1/255, 2 steps),
 *       the GRACE paper's common training attack.</li>
 *   <li>The head is the context's zero-shot head rather than the single template
 *       "This is a photo of a {}".</li>
 * </ul>
 */
public final class PmgAft extends AdversarialFinetuning {

    /** Registered name. */
    public static final String NAME = "pmg-aft";

    private final PmgAftConfig config;

    private PmgAft(MethodSettings settings, PmgAftConfig config) {
        super(NAME, settings, config.attack(), config.optimisation());
        this.config = config;
    }

    /** The method with {@code settings} (validated before any training). */
    public static PmgAft create(MethodSettings settings) {
        return new PmgAft(settings, PmgAftConfig.from(settings));
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, PmgAft.class, "/org/grace/baselines/methods/pmg-aft.json");
    }

    public PmgAftConfig config() {
        return config;
    }

    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        return Set.of(ParameterGroup.IMAGE_TOWER);
    }

    @Override
    TrainingObjective attackObjective(MethodContext context, NDArray images, int[] labels) {
        return DeployedObjectives.crossEntropy(context.model(), context.head(), labels);
    }

    @Override
    NDArray lossOn(MethodContext context, StepContext step, NDArray images, NDArray adversarial, int[] labels) {
        return PmgAftLoss.of(context, images, adversarial, labels, config.alpha(), config.beta(), step.manager());
    }
}
