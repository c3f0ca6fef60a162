package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.pgd.TrainingObjective;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;

import java.util.Set;

/**
 * VPT-PMG-AFT: {@link PmgAftLoss}'s objective with every CLIP weight frozen and only visual prompt
 * tokens trained (VPT, Jia et al., ECCV 2022; {@code KMnP/vpt} {@code vit_prompt/vit.py} at
 * 4410440). Prompts enter after the positional embedding and before {@code ln_pre}
 * ({@link org.grace.model.adapters.VisualPrompts}); the classifier is the frozen zero-shot head
 * (VPT trains a linear head; for CLIP we keep the text head, baselines.md §9). θ₀ of the guidance
 * term is the frozen original model without prompts.
 *
 * <p>Choices the sources leave open (baselines.md §9), ours: VPT-deep (a fresh set per block) with
 * 5 tokens (VPT's {@code NUM_TOKENS}), VPT's uniform Xavier init ±√(6/(3p²+D)); AdamW lr 1e-2,
 * weight decay 0, 10 % warmup, cosine, clipping at 1 (VPT grid-searches SGD base rates around
 * 0.1; prompt rates are orders of magnitude above finetuning rates, and Adam's per-coordinate
 * steps of ≈ lr make 1e-2 comparable to the prompts' init scale). Otherwise PMG-AFT's departures
 * ({@link PmgAft}).
 */
public final class VptPmgAft extends AdversarialFinetuning {

    /** Registered name. */
    public static final String NAME = "vpt-pmg-aft";

    private final VptPmgAftConfig config;

    private VptPmgAft(MethodSettings settings, VptPmgAftConfig config) {
        super(NAME, settings, config.attack(), config.optimisation());
        this.config = config;
    }

    /** The method with {@code settings} (validated before any training). */
    public static VptPmgAft create(MethodSettings settings) {
        return new VptPmgAft(settings, VptPmgAftConfig.from(settings));
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, VptPmgAft.class, "/org/grace/baselines/methods/vpt-pmg-aft.json");
    }

    public VptPmgAftConfig config() {
        return config;
    }

    /** Installs fresh prompts (seeded by the run's seed) unless the model already carries them. */
    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        if (context.model().promptParameters().isEmpty()) {
            context.model().applyVisualPrompts(config.prompts(), context.seed());
        }
        return Set.of(ParameterGroup.PROMPTS);
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
