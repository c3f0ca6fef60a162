package org.grace.baselines.common;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.grace.model.clip.ClipModel;
import org.grace.model.train.StepResult;

/**
 * Cross-entropy of a zero-shot-style linear head on L2-normalised image features (WiSE-FT
 * {@code ClassificationHead}: {@code logits = s · normalize(f) · W}, {@code L = −mean_i log softmax(logits_i)[y_i]}),
 * with the batch's top-1 accuracy. The head weights are passed explicitly so that a method can
 * use the trainable head, a frozen one, or the head plus a gradient probe.
 */
public final class ZeroShotCrossEntropy {

    private ZeroShotCrossEntropy() {
    }

    /**
     * @param imageFeatures [B,E], not normalised
     * @param headWeights [E,C]
     * @param scale multiplier of the cosines (the head's exp(logit_scale))
     * @param labels B class indices in [0, C)
     */
    public static StepResult loss(NDArray imageFeatures, NDArray headWeights, float scale, int[] labels) {
        NDManager m = imageFeatures.getManager();
        int b = (int) imageFeatures.getShape().get(0);
        int c = (int) headWeights.getShape().get(1);
        if (labels.length != b) {
            throw new IllegalArgumentException("got " + labels.length + " labels for a batch of " + b + " images");
        }
        // Scalars and the one-hot weights are arrays of the batch's manager: DJL frees a Java-number
        // operand right after the op while autograd may still read it.
        NDArray logits = ClipModel.normalize(imageFeatures).matMul(headWeights).mul(m.create(scale));
        float[] pick = new float[b * c];
        for (int i = 0; i < b; i++) {
            if (labels[i] < 0 || labels[i] >= c) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside [0, " + c + ")");
            }
            pick[i * c + labels[i]] = -1f / b;
        }
        NDArray loss = logits.logSoftmax(1).mul(m.create(pick, new Shape(b, c))).sum();
        long[] predicted = logits.argMax(1).toLongArray();
        int correct = 0;
        for (int i = 0; i < b; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return StepResult.of(loss, b, (double) correct / b);
    }
}
