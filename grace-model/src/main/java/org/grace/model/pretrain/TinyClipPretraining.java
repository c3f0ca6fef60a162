package org.grace.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.synth.CaptionVocabulary;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.data.synth.SynthWorldConfig;
import org.grace.model.text.WordTokenizer;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.ProgressBar;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainableParameters;
import org.grace.model.train.TrainingConfig;
import org.grace.model.train.TrainingLoop;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Contrastive pretraining of a tiny CLIP on the embedded world's caption corpus (CLIP's recipe at
 * toy scale): both towers and the temperature trained from scratch with symmetric InfoNCE
 * ({@link ContrastiveLoss}), AdamW (β₂ = 0.98, ε = 1e-6, decoupled weight decay, as CLIP's paper),
 * linear warmup then cosine decay, gradient clipping at norm 1, and the logit scale clamped to
 * [0, ln 100] (open_clip). The temperature is clamped inside the forward pass
 * ({@code exp(clip(logit_scale))}), which has the same effect as open_clip's in-place clamp after
 * each step and keeps the update inside the training loop.
 */
public final class TinyClipPretraining {

    private TinyClipPretraining() {
    }

    /** The word-level tokenizer over the caption grammar's words (punctuation dropped). */
    public static WordTokenizer tokenizer(int contextLength) {
        List<String> words = CaptionVocabulary.words().stream()
                .filter(w -> w.chars().allMatch(Character::isLetterOrDigit))
                .collect(Collectors.toList());
        return new WordTokenizer(words, contextLength);
    }

    /**
     * Trains a fresh model for {@code config.steps()} steps (resuming from {@code workFolder} when it
     * holds checkpoints) and returns it in a sub-manager of {@code root}.
     */
    public static ClipModel train(PretrainConfig config, SynthWorld world, WordTokenizer tokenizer, Path workFolder,
                                  NDManager root, ProgressBar.Mode progress) {
        ClipModel model = ClipModel.randomInit(config.modelConfig(tokenizer.vocabSize()), root, config.seed());
        TrainableParameters trainable = TrainableParameters.select(model, null, Set.of(ParameterGroup.FULL));
        TrainingConfig training = config.training(workFolder);
        NDArray logitScale = model.parameters().get("logit_scale");
        try (CaptionBatches batches = new CaptionBatches(world.captions(), tokenizer, config.seed(), config.batchSize())) {
            TrainingLoop loop = new TrainingLoop(training, trainable, context -> {
                CaptionBatches.Pairs pairs = batches.pairs(context.step());
                NDManager m = context.manager();
                int s = pairs.imageSize();
                NDArray images = m.create(pairs.pixels(), new Shape(pairs.batch(), 3, s, s));
                NDArray ids = m.create(pairs.tokens());
                NDArray scale = logitScale.clip(0f, ContrastiveLoss.MAX_LOGIT_SCALE).exp();
                scale.attach(m);
                ContrastiveLoss.Result r = ContrastiveLoss.compute(model.encodeImage(images), model.encodeText(ids), scale);
                return StepResult.of(r.loss(), pairs.batch(), r.accuracy());
            }, root).withProgress(progress, System.err);
            loop.runOrResume();
        }
        ContrastiveLoss.clampLogitScale(model);
        return model;
    }

    /** The default world for a pretraining config. */
    public static SynthWorld world(PretrainConfig config) {
        return new SynthWorld(SynthWorldConfig.defaults(config.worldSeed()));
    }
}
