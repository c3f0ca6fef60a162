package org.grace.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.clip.ClipModel;

/**
 * CLIP's symmetric InfoNCE loss (Radford et al. 2021, Fig. 3; open_clip {@code ClipLoss}):
 * <pre>
 *   L = ½·[ CE(s·Î·Tᵀ, arange(B)) + CE(s·T·Îᵀ, arange(B)) ]
 * </pre>
 * with Î, T the L2-normalised image and text embeddings of B matched pairs and
 * {@code s = exp(logit_scale)} the learned temperature. Row i's positive is column i; every other
 * item of the batch is a negative.
 */
public final class ContrastiveLoss {

    /** open_clip clamps logit_scale to [0, ln 100] after each step. */
    public static final float MAX_LOGIT_SCALE = (float) Math.log(100);

    private ContrastiveLoss() {
    }

    /**
     * @param imageFeatures [B,E], not normalised
     * @param textFeatures [B,E], not normalised
     * @param scale exp(logit_scale), a scalar array (differentiable when the scale is trained)
     * @return the scalar loss and the image→text top-1 accuracy of the batch
     */
    public static Result compute(NDArray imageFeatures, NDArray textFeatures, NDArray scale) {
        if (!imageFeatures.getShape().equals(textFeatures.getShape()) || imageFeatures.getShape().dimension() != 2) {
            throw new IllegalArgumentException("contrastive loss needs matching [B,E] image and text features, got "
                    + imageFeatures.getShape() + " and " + textFeatures.getShape());
        }
        long b = imageFeatures.getShape().get(0);
        NDManager m = imageFeatures.getManager();
        NDArray logits = ClipModel.normalize(imageFeatures).matMul(ClipModel.normalize(textFeatures).transpose()).mul(scale);
        // Diagonal picks scaled by -1/(2B): constants as arrays of the batch's manager, because DJL
        // frees a Java-number operand right after the op while autograd still needs it.
        NDArray weight = m.eye((int) b).mul(m.create(-0.5f / b));
        NDArray loss = logits.logSoftmax(1).mul(weight).sum().add(logits.logSoftmax(0).mul(weight).sum());
        long[] predicted = logits.argMax(1).toLongArray();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == i) {
                correct++;
            }
        }
        return new Result(loss, (double) correct / b);
    }

    /** Loss and in-batch retrieval accuracy. */
    public record Result(NDArray loss, double accuracy) {
    }

    /** Clamps the model's logit_scale into [0, ln 100] in place (call after each optimiser step). */
    public static void clampLogitScale(ClipModel model) {
        NDArray s = model.parameters().get("logit_scale");
        float v = s.getFloat();
        float clamped = Math.max(0f, Math.min(MAX_LOGIT_SCALE, v));
        if (clamped != v) {
            s.set(new float[] {clamped});
        }
    }
}
