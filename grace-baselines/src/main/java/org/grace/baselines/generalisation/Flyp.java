package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.baselines.common.WeightSnapshot;
import org.grace.model.clip.ClipModel;
import org.grace.model.method.NamedMethod;
import org.grace.model.method.MethodContext;
import org.grace.model.method.MethodSettings;
import org.grace.model.pretrain.ContrastiveLoss;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.StepContext;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainingConfig;
import org.grace.model.zeroshot.ZeroShotHead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * FLYP, "Finetune Like You Pretrain" (Goyal et al., CVPR 2023; {@code locuslab/FLYP}
 * {@code src/models/flyp_loss.py}, {@code clip/loss.py::ClipLoss}): each training image is paired
 * with a caption made from its class name and a template drawn uniformly at random (from the
 * step's random stream), and both towers, both projections and logit_scale (the FULL group) are
 * trained with CLIP's symmetric InfoNCE,
 * <pre>
 *   L = ½·[ CE(τ·I·Tᵀ, diag) + CE(τ·T·Iᵀ, diag) ],   τ = exp(logit_scale) learned
 * </pre>
 * ({@link ContrastiveLoss}). As in FLYP (which calls the loss without {@code ground_labels}), two
 * images of the same class in a batch count as each other's negatives. After training,
 * {@link #finish} rebuilds the zero-shot head from the finetuned text tower with every template
 * and writes its class embeddings into the context's head.
 *
 * <p>Departures: logit_scale is clamped to [0, ln 100] before each forward pass and in finish, as
 * open_clip's training loop does after each step (the clamp is not in FLYP's loss); the context's
 * head keeps the multiplier it was built with (its scale is fixed at construction), so only its
 * class embeddings change; the head built with the finetuned temperature is available from
 * {@link #finetunedHead()}; the random template per image per step stands in for FLYP's CSV of one
 * row per (image, template); embedded defaults ({@code flyp.json}: lr 1e-4, weight decay 0.1, 5%
 * warmup, no clipping) instead of ImageNet's lr 1e-5, batch 512, 10 epochs.
 */
public final class Flyp extends NamedMethod {

    /** Registered name. */
    public static final String NAME = "flyp";
    /** Defaults resource. */
    public static final String RESOURCE = "/org/grace/baselines/methods/flyp.json";

    /** Prompts encoded at once when the head is rebuilt. */
    static final int HEAD_BATCH = 64;

    private final FlypConfig config;
    private ZeroShotHead finetunedHead;

    private Flyp(MethodSettings settings) {
        super(NAME, settings);
        this.config = FlypConfig.from(settings);
    }

    /** The method with these settings. */
    public static Flyp create(MethodSettings settings) {
        return new Flyp(settings);
    }

    /** The shipped defaults. */
    public static MethodSettings defaults() {
        return MethodSettings.resource(NAME, Flyp.class, RESOURCE);
    }

    public FlypConfig config() {
        return config;
    }

    @Override
    public Set<ParameterGroup> prepare(MethodContext context) {
        return EnumSet.of(ParameterGroup.FULL);
    }

    @Override
    public TrainingConfig training(MethodContext context, Path outputFolder) {
        return config.optimisation().trainingConfig(context, outputFolder);
    }

    @Override
    public StepResult loss(MethodContext context, StepContext step, NDArray images, int[] labels) {
        clampLogitScale(context.model());
        List<String> captions = new ArrayList<>(labels.length);
        for (int label : labels) {
            List<String> prompts = context.idTexts().prompts(label);
            captions.add(prompts.get(step.random().nextInt(prompts.size())));
        }
        NDManager m = step.manager();
        NDArray ids = m.create(context.tokenizer().tokenize(captions));
        ClipModel model = context.model();
        ContrastiveLoss.Result result = ContrastiveLoss.compute(model.encodeImage(images), model.encodeText(ids),
                model.logitScaleExp(m));
        return StepResult.of(result.loss(), labels.length, result.accuracy());
    }

    /** Rebuilds the zero-shot head from the finetuned text tower and copies its class embeddings into the context's head. */
    @Override
    public void finish(MethodContext context) {
        clampLogitScale(context.model());
        finetunedHead = ZeroShotHead.build(context.model(), context.tokenizer(), context.idTexts().classNames(),
                context.idTexts().templates(), context.manager(), HEAD_BATCH);
        WeightSnapshot.assign(context.head().weights(), finetunedHead.weights());
    }

    /** The head built from the finetuned model, with its learned temperature (after {@link #finish}). */
    public ZeroShotHead finetunedHead() {
        if (finetunedHead == null) {
            throw new IllegalStateException("flyp: the finetuned head exists only after finish()");
        }
        return finetunedHead;
    }

    private static void clampLogitScale(ClipModel model) {
        NDArray s = model.parameters().get("logit_scale");
        float v = s.getFloat();
        float clamped = Math.max(0f, Math.min(ContrastiveLoss.MAX_LOGIT_SCALE, v));
        if (clamped != v) {
            try (NDManager scratch = model.manager().newSubManager()) {
                WeightSnapshot.assign(s, scratch.create(clamped).reshape(s.getShape()));
            }
        }
    }
}
