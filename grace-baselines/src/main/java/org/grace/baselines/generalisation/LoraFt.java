package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import org.grace.baselines.common.ZeroShotCrossEntropy;
import org.grace.model.method.NamedMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainingConfig;
import org.grace.model.zeroshot.ZeroShotHead;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * LoRA finetuning (Hu et al., "LoRA: Low-Rank Adaptation of Large Language Models", ICLR 2022;
 * {@code microsoft/LoRA} {@code loralib/layers.py}): LoRA branches {@code ΔW = (α/r)·B·A} (A
 * Kaiming-uniform, B = 0) on the q and v projections of every vision-tower block by default
 * (rank 8, α = 16, the README's q,v placement with α = 2r), the base model and the zero-shot head
 * frozen, and only A, B trained on {@code CE(s·normalize(f(x))·W_zs, y)} with AdamW. {@link #finish}
 * merges the branches into the weights for deployment ({@code W ← W + (α/r)·B·A}, undoable bit for
 * bit with {@code ClipModel.unmerge}).
 *
 * <p>Departures: no LoRA dropout; CLIP's fused {@code in_proj_weight} does not arise because the
 * model keeps q, k, v as separate projections (HF layout), which is MergedLinear's q/v semantics;
 * embedded defaults ({@code lora-ft.json}: lr 1e-3, no weight decay, 5% warmup, clip 1.0) since no
 * official CLIP/ImageNet LoRA values exist (UNVERIFIED).
 */
public final class LoraFt extends NamedMethod {

    /** Registered name. */
    public static final String NAME = "lora-ft";
    /** Defaults resource. */
    public static final String RESOURCE = "/org/grace/baselines/methods/lora-ft.json";

    private final LoraFtConfig config;

    private LoraFt(MethodSettings settings) {
        super(NAME, settings);
        this.config = LoraFtConfig.from(settings);
    }

    /** The method with these settings. */
    public static LoraFt create(MethodSettings settings) {
        return new LoraFt(settings);
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, LoraFt.class, RESOURCE);
    }

    /** CE of the model (with its LoRA branches) under the frozen zero-shot head. */
    static StepResult frozenHeadCrossEntropy(MethodContext context, NDArray features, int[] labels) {
        ZeroShotHead head = context.head();
        return ZeroShotCrossEntropy.loss(features, head.weights(), head.scale(), labels);
    }

    public LoraFtConfig config() {
        return config;
    }

    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        context.model().applyLora(config.lora().toLoraConfig(), context.seed());
        return EnumSet.of(ParameterGroup.LORA);
    }

    @Override
    public TrainingConfig training(MethodContext context, Path outputFolder) {
        return config.optimisation().trainingConfig(context, outputFolder);
    }

    @Override
    public StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels) {
        return frozenHeadCrossEntropy(context, context.model().encodeImage(images), labels);
    }

    /** Merges every LoRA branch into its weight. */
    @Override
    public void finish(MethodContext context) {
        context.model().merge();
    }
}
