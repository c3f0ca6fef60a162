package org.grace.attacks.pgd;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.grace.attacks.Classifier;
import org.grace.attacks.loss.AttackLoss;

/**
 * What a training-time attack maximises: a per-sample loss [N] of the adversarial images, e.g.
 * cross-entropy of a classifier (TeCoA) or the squared ℓ2 distance between adversarial and
 * frozen clean embeddings (FARE). Gradients must flow from the loss to the images.
 */
public interface TrainingObjective {

    /** Per-sample loss [N] of {@code adversarialImages} [N, C, H, W]; the attack maximises it. */
    NDArray perSample(NDArray adversarialImages);

    /** Arrays whose gradient buffers the attack must leave unchanged (see {@link Classifier}). */
    default List<NDArray> gradientBearingParameters() {
        return List.of();
    }

    /** The classification objective {@code loss(model(x_adv), labels)}. */
    static TrainingObjective classification(Classifier model, AttackLoss loss, int[] labels) {
        return new TrainingObjective() {
            @Override
            public NDArray perSample(NDArray adversarialImages) {
                return loss.perSample(model.logits(adversarialImages), labels, null);
            }

            @Override
            public List<NDArray> gradientBearingParameters() {
                return model.gradientBearingParameters();
            }
        };
    }
}
