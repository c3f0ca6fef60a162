package org.grace.model.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.Classifier;
import org.grace.model.data.Batch;
import org.grace.model.data.BatchOptions;
import org.grace.model.data.Batches;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.IndexOrder;
import org.grace.model.data.LogitMask;

/**
 * Top-1 accuracy of a classifier on a labelled split: {@code mean_i [argmax_c z_i,c = y_i]}, with the
 * logits restricted to the split's class subset first when it has one (ImageNet-R/-A protocol:
 * {@code logits[:, subset]} then argmax, as WiSE-FT's {@code project_logits}).
 */
public final class TopOneAccuracy {

    private TopOneAccuracy() {
    }

    /** Accuracy over the whole split, in batches of {@code batchSize} created under {@code manager}. */
    public static double of(Classifier classifier, ImageDataset dataset, int batchSize, NDManager manager) {
        if (dataset.size() == 0) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " is empty");
        }
        long correct = 0;
        long total = 0;
        try (Batches batches = Batches.of(dataset, IndexOrder.identity(dataset.size()), BatchOptions.parallel(batchSize), manager)) {
            while (batches.hasNext()) {
                try (NDManager scope = manager.newSubManager()) {
                    Batch batch = batches.next(scope);
                    NDArray logits = LogitMask.apply(classifier.logits(batch.images()), dataset);
                    long[] predicted = logits.argMax(1).toLongArray();
                    long[] labels = batch.labels().toLongArray();
                    for (int i = 0; i < predicted.length; i++) {
                        if (predicted[i] == labels[i]) {
                            correct++;
                        }
                    }
                    total += predicted.length;
                }
            }
        }
        return (double) correct / total;
    }
}
