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
 * End-to-end finetuning as in WiSE-FT (Wortsman et al., CVPR 2022; {@code mlfoundations/wise-ft}
 * {@code src/models/finetune.py}): minimise over the image tower θ and the head W
 * <pre>
 *   L = CE( s · normalize(f_θ(x)) · W, y )
 * </pre>
 * with AdamW, warmup-cosine and gradient clipping at 1, the head initialised from the zero-shot
 * head (s = the head's exp(logit_scale), baked in as WiSE-FT's {@code W = 100·t_c}) and trained with
 * the same learning rate as the tower. The text tower, text projection and logit_scale are not
 * trained.
 *
 * <p>Departures: no RandomResizedCrop augmentation (the runner feeds the dataset's images as they
 * are); embedded-scale defaults ({@code ft.json}: lr 1e-4, weight decay 0.1, 5% warmup, clip 1.0)
 * instead of ViT-B/32 ImageNet's lr 3e-5, batch 512, 10 epochs, 500 warmup steps.
 */
public final class FullFinetuning extends NamedMethod {

    /** Registered name. */
    public static final String NAME = "ft";
    /** Defaults resource. */
    public static final String RESOURCE = "/org/grace/baselines/methods/ft.json";

    private final FullFinetuningConfig config;

    private FullFinetuning(MethodSettings settings) {
        super(NAME, settings);
        this.config = FullFinetuningConfig.from(settings);
    }

    /** The method with these settings. */
    public static FullFinetuning create(MethodSettings settings) {
        return new FullFinetuning(settings);
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, FullFinetuning.class, RESOURCE);
    }

    /** The groups end-to-end finetuning trains: the image tower and the head. */
    static Set<ParameterGroup> groups() {
        return EnumSet.of(ParameterGroup.IMAGE_TOWER, ParameterGroup.HEAD);
    }

    /** The cross-entropy of the model with the context's (trainable) head. */
    static StepResult crossEntropy(MethodContext context, NDArray images, int[] labels) {
        ZeroShotHead head = context.head();
        return ZeroShotCrossEntropy.loss(context.model().encodeImage(images), head.weights(), head.scale(), labels);
    }

    public FullFinetuningConfig config() {
        return config;
    }

    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        return groups();
    }

    @Override
    public TrainingConfig training(MethodContext context, Path outputFolder) {
        return config.optimisation().trainingConfig(context, outputFolder);
    }

    @Override
    public StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels) {
        return crossEntropy(context, images, labels);
    }
}
