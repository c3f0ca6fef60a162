package org.grace.model.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.grace.model.data.ImageDataset;
import org.grace.model.train.EpochSampler;
import org.grace.model.train.ParameterGroup;
import org.grace.model.train.ProgressBar;
import org.grace.model.train.TrainableParameters;
import org.grace.model.train.TrainingLoop;
import org.grace.model.train.TrainingResult;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Runs one method on one context: installs what it trains, feeds the training loop with ID
 * batches chosen by an {@link EpochSampler} (a function of seed and step, so resume is exact),
 * asks the method for each step's loss, and lets it finish (interpolate, project) afterwards.
 */
public final class MethodRunner {

    private MethodRunner() {
    }

    /**
     * Trains (or resumes from {@code outputFolder}) and finishes the method.
     *
     * @return the loop's result, empty for methods that do not train
     */
    public static Optional<TrainingResult> run(FinetuningMethod method, MethodContext context, Path outputFolder,
                                               ProgressBar.Mode progress) {
        if (!method.trains()) {
            method.finish(context);
            return Optional.empty();
        }
        Set<ParameterGroup> groups = method.prepare(context);
        TrainableParameters trainable = TrainableParameters.select(context.model(), context.head(), groups);
        ImageDataset train = context.train();
        EpochSampler sampler = new EpochSampler(train.size(), context.seed(), context.batchSize());
        int s = train.imageSize();
        int per = 3 * s * s;
        TrainingResult result = new TrainingLoop(method.training(context, outputFolder), trainable, step -> {
            int[] idx = sampler.indices(step.step());
            float[] pixels = new float[idx.length * per];
            int[] labels = new int[idx.length];
            IntStream.range(0, idx.length).parallel().forEach(i -> {
                System.arraycopy(train.image(idx[i]), 0, pixels, i * per, per);
                labels[i] = train.label(idx[i]);
            });
            NDArray images = step.manager().create(pixels, new Shape(idx.length, 3, s, s));
            return method.loss(context, step, images, labels);
        }, context.manager()).withProgress(progress, System.err).withExtraState(method.extraState()).runOrResume();
        method.finish(context);
        return Optional.of(result);
    }
}
