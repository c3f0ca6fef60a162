package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import org.grace.attacks.loss.CrossEntropyLoss;
import org.grace.attacks.pgd.TrainingObjective;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the training attacks of the adversarial baselines maximise, on the deployed model (image
 * tower with whatever adapters are installed, then the zero-shot head), and which gradient buffers
 * they must leave untouched: every array of the model and head that currently requires a gradient.
 */
final class DeployedObjectives {

    private static final CrossEntropyLoss CROSS_ENTROPY = new CrossEntropyLoss();

    private DeployedObjectives() {
    }

    /** TeCoA / PMG-AFT: per-sample CE of the zero-shot head's logits (§0 PGD of baselines.md). */
    static TrainingObjective crossEntropy(ClipModel model, ZeroShotHead head, int[] labels) {
        return new TrainingObjective() {
            @Override
            public NDArray perSample(NDArray adversarialImages) {
                return CROSS_ENTROPY.perSample(head.logits(model.encodeImage(adversarialImages)), labels, null);
            }

            @Override
            public List<NDArray> gradientBearingParameters() {
                return gradientBearing(model, head);
            }
        };
    }

    /** FARE: per-sample {@code ‖φ_θ(x_adv) − anchor‖²} with a detached anchor [B,D]. */
    static TrainingObjective embeddingDistance(ClipModel model, ZeroShotHead head, NDArray anchor) {
        return new TrainingObjective() {
            @Override
            public NDArray perSample(NDArray adversarialImages) {
                return RobustLosses.squaredDistance(model.encodeImage(adversarialImages), anchor);
            }

            @Override
            public List<NDArray> gradientBearingParameters() {
                return gradientBearing(model, head);
            }
        };
    }

    /** Every base parameter, LoRA factor, prompt and head array that requires a gradient. */
    static List<NDArray> gradientBearing(ClipModel model, ZeroShotHead head) {
        List<NDArray> out = new ArrayList<>();
        for (Map<String, NDArray> group : List.of(model.parameters(), model.loraParameters(),
                model.promptParameters())) {
            group.values().stream().filter(NDArray::hasGradient).forEach(out::add);
        }
        if (head.weights().hasGradient()) {
            out.add(head.weights());
        }
        return out;
    }
}
