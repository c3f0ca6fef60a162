package org.grace.model.data.synth;

import org.grace.model.data.ImageDataset;
import org.grace.model.data.IndexOrder;

import java.util.stream.IntStream;

/**
 * A fixed reference classifier for adversarial filtration: multinomial logistic (softmax)
 * regression on standardised {@link ReferenceFeatures}, trained by plain SGD on the ID training
 * split. ImageNet-A (Hendrycks et al. 2021) kept the images a fixed ResNet-50 misclassified; this
 * is the embedded world's cheap, deterministic stand-in for that ResNet-50.
 *
 * <p>Model: {@code p(y|x) = softmax(W z + b)}, {@code z = (f(x) - mean) / std}. Training:
 * {@code epochs} passes in a seeded shuffled order, per example
 * {@code W -= lr_e ((p - onehot(y)) z^T + l2 W)} with {@code lr_e = lr / (1 + e)}. Feature
 * extraction runs in parallel, but every feature vector lands at its index and the SGD loop is
 * sequential, so the weights are identical for any thread count.
 */
public final class ReferenceClassifier {

    private final ReferenceFeatures features;
    private final int imageSize;
    private final float[] mean;
    private final float[] invStd;
    private final double[][] weights;

    private ReferenceClassifier(ReferenceFeatures features, int imageSize, float[] mean, float[] invStd,
                                double[][] weights) {
        this.features = features;
        this.imageSize = imageSize;
        this.mean = mean;
        this.invStd = invStd;
        this.weights = weights;
    }

    /** Trains on every example of {@code train}. */
    public static ReferenceClassifier train(ReferenceFeatures features, ImageDataset train,
                                            ReferenceClassifierConfig config) {
        int n = train.size();
        int size = train.imageSize();
        int classes = train.classNames().size();
        float[][] x = new float[n][];
        int[] y = new int[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            x[i] = features.extract(train.image(i), size);
            y[i] = train.label(i);
        });
        int d = x[0].length;
        float[] mean = new float[d];
        float[] invStd = new float[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            double s2 = 0;
            for (float[] row : x) {
                s += row[j];
                s2 += (double) row[j] * row[j];
            }
            double m = s / n;
            double var = Math.max(0.0, s2 / n - m * m);
            mean[j] = (float) m;
            invStd[j] = (float) (1.0 / StrictMath.sqrt(var + 1e-6));
        }
        double[][] w = new double[classes][d + 1];
        double[] z = new double[d];
        double[] p = new double[classes];
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            double lr = config.learningRate() / (1 + epoch);
            for (int i : IndexOrder.shuffled(n, config.seed(), epoch)) {
                for (int j = 0; j < d; j++) {
                    z[j] = (x[i][j] - mean[j]) * invStd[j];
                }
                softmax(w, z, p);
                for (int c = 0; c < classes; c++) {
                    double g = p[c] - (c == y[i] ? 1 : 0);
                    double[] wc = w[c];
                    for (int j = 0; j < d; j++) {
                        wc[j] -= lr * (g * z[j] + config.l2() * wc[j]);
                    }
                    wc[d] -= lr * g;
                }
            }
        }
        return new ReferenceClassifier(features, size, mean, invStd, w);
    }

    /** Class probabilities over the full label space. */
    public double[] probabilities(float[] image) {
        float[] f = features.extract(image, imageSize);
        double[] z = new double[f.length];
        for (int j = 0; j < f.length; j++) {
            z[j] = (f[j] - mean[j]) * invStd[j];
        }
        double[] p = new double[weights.length];
        softmax(weights, z, p);
        return p;
    }

    /**
     * Prediction restricted to {@code subset} (the logit mask of R/A-style splits), renormalised
     * over it; {@code subset == null} means the full label space. The returned label indexes the
     * subset, like the split's labels.
     */
    public Prediction predict(float[] image, int[] subset) {
        double[] p = probabilities(image);
        int k = subset == null ? p.length : subset.length;
        int best = 0;
        double bestP = -1;
        double total = 0;
        for (int j = 0; j < k; j++) {
            double pj = p[subset == null ? j : subset[j]];
            total += pj;
            if (pj > bestP) {
                bestP = pj;
                best = j;
            }
        }
        return new Prediction(best, bestP / total);
    }

    /** Top-1 accuracy on a split (masked by its class subset if it has one). */
    public double accuracy(ImageDataset dataset) {
        int[] subset = dataset.classSubset().orElse(null);
        long correct = IntStream.range(0, dataset.size()).parallel()
                .filter(i -> predict(dataset.image(i), subset).label() == dataset.label(i)).count();
        return (double) correct / dataset.size();
    }

    private static void softmax(double[][] w, double[] z, double[] p) {
        int d = z.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double s = w[c][d];
            for (int j = 0; j < d; j++) {
                s += w[c][j] * z[j];
            }
            p[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            p[c] = StrictMath.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < w.length; c++) {
            p[c] /= sum;
        }
    }

    /** A predicted label (in the subset's index space) and its probability. */
    public record Prediction(int label, double confidence) {
    }
}
