package org.grace.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.train.EpochSampler;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.ProgressBar;
import org.grace.model.train.StepResult;
import org.grace.model.train.TrainableParameters;
import org.grace.model.train.TrainingConfig;
import org.grace.model.train.TrainingLoop;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.model.zeroshot.ZeroShotHead;

import java.nio.file.Path;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The control the embedded benchmark needs: the same image tower trained from scratch on ID train
 * only, supervised (cross-entropy through a linear head of class embeddings, the same form as the
 * zero-shot head), with the pretraining's budget of steps × batch. The effective-robustness story
 * the paper starts from predicts that it beats zero-shot CLIP on ID but keeps less of its accuracy
 * out of distribution (lower OOD/ID ratio).
 *
 * <p>The head starts from random unit columns with CLIP's initial scale 1/0.07; AdamW and the
 * schedule are the pretraining's.
 */
public final class IdOnlyBaseline {

    private IdOnlyBaseline() {
    }

    /** Trains (or resumes from {@code workFolder}) and returns the classifier. */
    public static ClipClassifier train(PretrainConfig config, SynthWorld world, int vocabSize, Path workFolder,
                                       NDManager root, ProgressBar.Mode progress) {
        ClipModel model = ClipModel.randomInit(config.modelConfig(vocabSize), root, config.seed() + 1);
        ImageDataset train = world.idTrain();
        int classes = train.classNames().size();
        int e = config.embedDim();
        SplittableRandom rng = new SplittableRandom(config.seed() + 2);
        float[] columns = new float[e * classes];
        for (int c = 0; c < classes; c++) {
            double norm = 0;
            for (int k = 0; k < e; k++) {
                double v = rng.nextGaussian();
                columns[k * classes + c] = (float) v;
                norm += v * v;
            }
            for (int k = 0; k < e; k++) {
                columns[k * classes + c] /= (float) Math.sqrt(norm);
            }
        }
        ZeroShotHead head = new ZeroShotHead(model.manager().create(columns, new Shape(e, classes)),
                (float) (1 / 0.07), train.classNames());
        TrainableParameters trainable = TrainableParameters.select(model, head,
                Set.of(ParameterGroup.IMAGE_TOWER, ParameterGroup.HEAD));
        TrainingConfig training = config.training(workFolder);
        EpochSampler sampler = new EpochSampler(train.size(), config.seed(), config.batchSize());
        int s = train.imageSize();
        int per = 3 * s * s;
        CrossEntropyLoss ce = new CrossEntropyLoss();
        new TrainingLoop(training, trainable, context -> {
            int[] idx = sampler.indices(context.step());
            float[] pixels = new float[idx.length * per];
            int[] labels = new int[idx.length];
            IntStream.range(0, idx.length).parallel().forEach(i -> {
                System.arraycopy(train.image(idx[i]), 0, pixels, i * per, per);
                labels[i] = train.label(idx[i]);
            });
            NDManager m = context.manager();
            NDArray logits = head.logits(model.encodeImage(m.create(pixels, new Shape(idx.length, 3, s, s))));
            long[] predicted = logits.argMax(1).toLongArray();
            int correct = 0;
            for (int i = 0; i < labels.length; i++) {
                correct += predicted[i] == labels[i] ? 1 : 0;
            }
            return StepResult.of(ce.perSample(logits, labels, null).mean(), idx.length, (double) correct / idx.length);
        }, root).withProgress(progress, System.err).runOrResume();
        return new ClipClassifier(model, head);
    }
}
