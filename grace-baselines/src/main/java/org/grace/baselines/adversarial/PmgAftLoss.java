package org.grace.baselines.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.model.method.MethodContext;

/**
 * PMG-AFT's objective (Wang et al., CVPR 2024; official {@code PMG_AFT.py::train}):
 * <pre>
 *   L = mean_i CE(z_θ(x_adv), y)
 *     + α · mean_i KL(p_θ₀(x_adv) ‖ p_θ(x_adv))      (guidance by the pre-trained model)
 *     + β · mean_i KL(p_θ(x) ‖ p_θ(x_adv))           (clean–adversarial consistency)
 * </pre>
 * where z = s·cos(f(·), t_c) are the zero-shot head's logits, p = softmax(z), and θ₀ is the frozen
 * reference. The KL direction is that of the official {@code KLDivLoss(log_softmax(z_adv),
 * softmax(z_ref))}, i.e. the reference distribution is the first argument. θ₀'s logits carry no
 * gradient; the clean branch p_θ(x) is not detached, as in the official code.
 *
 * <p>Temperature: every term uses the head's scale s = exp(logit_scale) (100 at paper scale), as
 * TeCoA and the third-party re-implementation do. Departure: the official {@code multiGPU_CLIP}
 * re-normalises the scaled text embedding, so its logits are raw cosines (temperature 1); over
 * cosines in [−1,1] the softmax is close to uniform, which weakens every term's gradient and makes
 * the CE incomparable with TeCoA's, so we keep the CLIP scale. Departure: KL terms are averaged over
 * the batch ("batchmean") instead of the official {@code reduction="sum"}, which would weight them
 * B times the (batch-mean) CE.
 */
final class PmgAftLoss {

    private PmgAftLoss() {
    }

    static NDArray of(MethodContext context, NDArray images, NDArray adversarial, int[] labels, double alpha,
                      double beta, NDManager manager) {
        NDArray adversarialLogits = context.head().logits(context.model().encodeImage(adversarial));
        NDArray cleanLogits = context.head().logits(context.model().encodeImage(images));
        NDArray referenceLogits = context.head().logits(AdversarialFinetuning.referenceFeatures(context, adversarial))
                .stopGradient();
        NDArray guidance = RobustLosses.klDivergence(referenceLogits, adversarialLogits);
        NDArray consistency = RobustLosses.klDivergence(cleanLogits, adversarialLogits);
        return RobustLosses.crossEntropy(adversarialLogits, labels)
                .add(guidance.mul(manager.create((float) alpha)))
                .add(consistency.mul(manager.create((float) beta)));
    }
}
