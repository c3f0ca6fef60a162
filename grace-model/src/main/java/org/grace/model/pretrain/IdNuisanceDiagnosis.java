package org.grace.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.Classifier;
import org.grace.model.clip.ClipModel;
import org.grace.model.data.Batch;
import org.grace.model.data.BatchOptions;
import org.grace.model.data.Batches;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.IndexOrder;
import org.grace.model.data.synth.IdNuisance;
import org.grace.model.data.synth.SynthWorld;
import org.grace.model.engine.EngineSettings;
import org.grace.model.zeroshot.ClipClassifier;
import org.grace.model.zeroshot.ZeroShotHead;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a pretrained tiny CLIP misses the ID photos: its zero-shot top-1 accuracy (ID class names ×
 * ID templates) on the ID test split with one nuisance neutralised at a time ({@link IdNuisance},
 * paired image by image with the ID test split), and on single-object photos of the ID shapes drawn
 * the way the pretraining corpus draws them. A nuisance whose removal raises accuracy a lot is one
 * the pretraining did not teach the model to ignore; a gap between the corpus photos and the ID
 * photos is a distribution mismatch. A {@link LinearProbe} on the image embeddings separates the
 * two towers: a probe far above zero-shot means the text side (alignment) is the bottleneck, a
 * probe near it means the image tower never learned the shapes. Also prints the per-class recall
 * and the most frequent confusion of the ID test split.
 *
 * <p>{@code IdNuisanceDiagnosis [checkpoint folder]} (default: the committed checkpoint).
 */
public final class IdNuisanceDiagnosis {

    /** ID training images the linear probe is fitted on. */
    static final int PROBE_TRAIN = 5000;

    private IdNuisanceDiagnosis() {
    }

    /** One evaluated split: its name, accuracy and confusion matrix (rows true class, columns predicted). */
    public record Row(String split, double accuracy, long[][] confusion) {
    }

    /** Accuracy and confusion of {@code classifier} on every ablated ID test split and the corpus-photo probe. */
    public static List<Row> evaluate(Classifier classifier, SynthWorld world, int corpusProbeSize, NDManager manager) {
        List<Row> rows = new ArrayList<>();
        for (IdNuisance n : IdNuisance.values()) {
            rows.add(confusion(classifier, world.idTestAblated(n), manager));
        }
        rows.add(confusion(classifier, world.corpusPhotosOfIdShapes(corpusProbeSize), manager));
        return rows;
    }

    /**
     * Accuracy on {@code test} of a {@link LinearProbe} (ridge 1e-2) fitted on the normalised image
     * embeddings of the first {@code trainCount} images of {@code train}: whether the image tower
     * carries the label linearly, whatever the text tower does.
     */
    public static double probeAccuracy(ClipModel model, ImageDataset train, int trainCount, ImageDataset test,
                                       NDManager manager) {
        int[] trainLabels = new int[trainCount];
        double[][] trainFeatures = embeddings(model, train, trainCount, trainLabels, manager);
        int[] testLabels = new int[test.size()];
        double[][] testFeatures = embeddings(model, test, test.size(), testLabels, manager);
        LinearProbe probe = LinearProbe.fit(trainFeatures, trainLabels, train.classNames().size(), 1e-2);
        return probe.accuracy(testFeatures, testLabels);
    }

    /** Normalised image embeddings of the first {@code count} images of {@code split}; fills {@code labels}. */
    static double[][] embeddings(ClipModel model, ImageDataset split, int count, int[] labels, NDManager manager) {
        if (count < 1 || count > split.size()) {
            throw new IllegalArgumentException("cannot embed " + count + " images of " + split.name() + " ("
                    + split.size() + " images)");
        }
        double[][] out = new double[count][];
        int row = 0;
        try (Batches batches = Batches.of(split, IndexOrder.identity(count), BatchOptions.parallel(250), manager)) {
            while (batches.hasNext()) {
                try (NDManager scope = manager.newSubManager()) {
                    Batch batch = batches.next(scope);
                    NDArray features = ClipModel.normalize(model.encodeImage(batch.images()));
                    int dim = (int) features.getShape().get(1);
                    float[] flat = features.toFloatArray();
                    long[] batchLabels = batch.labels().toLongArray();
                    for (int i = 0; i < batchLabels.length; i++, row++) {
                        out[row] = new double[dim];
                        for (int k = 0; k < dim; k++) {
                            out[row][k] = flat[i * dim + k];
                        }
                        labels[row] = (int) batchLabels[i];
                    }
                }
            }
        }
        return out;
    }

    /** Top-1 accuracy and confusion matrix of {@code classifier} on {@code split}. */
    public static Row confusion(Classifier classifier, ImageDataset split, NDManager manager) {
        int k = split.classNames().size();
        long[][] confusion = new long[k][k];
        long correct = 0;
        try (Batches batches = Batches.of(split, IndexOrder.identity(split.size()), BatchOptions.parallel(250), manager)) {
            while (batches.hasNext()) {
                try (NDManager scope = manager.newSubManager()) {
                    Batch batch = batches.next(scope);
                    NDArray logits = classifier.logits(batch.images());
                    long[] predicted = logits.argMax(1).toLongArray();
                    long[] labels = batch.labels().toLongArray();
                    for (int i = 0; i < predicted.length; i++) {
                        if (predicted[i] < 0 || predicted[i] >= k) {
                            throw new IllegalStateException("classifier predicted class " + predicted[i] + " outside the "
                                    + k + " classes of " + split.name());
                        }
                        confusion[(int) labels[i]][(int) predicted[i]]++;
                        if (predicted[i] == labels[i]) {
                            correct++;
                        }
                    }
                }
            }
        }
        return new Row(split.name(), (double) correct / split.size(), confusion);
    }

    public static void main(String[] args) throws IOException {
        new EngineSettings(1, 1).apply();
        PretrainConfig config = PretrainConfig.defaults();
        SynthWorld world = TinyClipPretraining.world(config);
        try (NDManager root = NDManager.newBaseManager()) {
            PretrainedTinyClip.Loaded loaded = args.length > 0 ? PretrainedTinyClip.load(Paths.get(args[0]), root)
                    : PretrainedTinyClip.loadCommitted(root);
            ZeroShotHead head = ZeroShotHead.build(loaded.model(), loaded.tokenizer(), world.idTexts().classNames(),
                    world.idTexts().templates(), root, 64);
            ClipClassifier classifier = new ClipClassifier(loaded.model(), head);
            List<String> names = world.idTexts().classNames();
            List<Row> rows = evaluate(classifier, world, world.config().sizes().idTest(), root);
            for (Row row : rows) {
                System.out.printf(Locale.ROOT, "%-36s %5.1f%%%n", row.split(), 100 * row.accuracy());
            }
            int probeTrain = Math.min(PROBE_TRAIN, world.idTrain().size());
            System.out.printf(Locale.ROOT, "%-36s %5.1f%%  (ridge probe on image embeddings, %d ID train images)%n",
                    "linear probe on synth-id-test", 100 * probeAccuracy(loaded.model(), world.idTrain(), probeTrain,
                            world.idTest(), root), probeTrain);
            Row id = rows.get(0);
            System.out.println("\nID test, per class: recall, most frequent prediction when wrong");
            for (int c = 0; c < names.size(); c++) {
                long total = 0;
                int worst = -1;
                for (int p = 0; p < names.size(); p++) {
                    total += id.confusion()[c][p];
                    if (p != c && (worst < 0 || id.confusion()[c][p] > id.confusion()[c][worst])) {
                        worst = p;
                    }
                }
                System.out.printf(Locale.ROOT, "  %-10s %5.1f%%  → %s (%d)%n", names.get(c),
                        100.0 * id.confusion()[c][c] / Math.max(1, total), names.get(worst), id.confusion()[c][worst]);
            }
        }
    }
}
