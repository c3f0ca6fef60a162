package org.grace.theory.probe;

import java.util.Map;
import org.grace.model.clip.ClipModel;
import org.grace.model.zeroshot.ZeroShotHead;

/**
 * What one {@link MethodProbe} measurement reads.
 *
 * @param method      the method's registry name (e.g. "grace"), carried into messages and the bound
 * @param deployed    the trained model as deployed: LoRA may be attached (unmerged) or merged, VPT prompts may be
 *                    installed; the probe measures its effective weights and never modifies it
 * @param head        the deployed classification head
 * @param reference   θ0, the pretrained model the method started from (same config)
 * @param curvature   the fixed ID batch the loss and its Hessian are evaluated on (the first
 *                    {@link ProbeConfig#curvatureBatch()} images are used)
 * @param id          labelled ID images for the feature discrepancies and the empirical risk
 * @param ood         labelled OOD images
 * @param adversarial labelled adversarial images (computed by the caller and frozen)
 * @param trainSize   n, the number of training samples, for the bound
 */
public record ProbeInputs(String method, ClipModel deployed, ZeroShotHead head, ClipModel reference,
                          LabelledImages curvature, LabelledImages id, LabelledImages ood, LabelledImages adversarial,
                          long trainSize) {

    public ProbeInputs {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("the method name must be given");
        }
        if (deployed == null || head == null || reference == null) {
            throw new IllegalArgumentException(method + ": the deployed model, its head and the reference θ0 must be given");
        }
        if (curvature == null || id == null || ood == null || adversarial == null) {
            throw new IllegalArgumentException(method + ": the curvature batch and the ID, OOD and adversarial sets must be given");
        }
        if (!deployed.config().vision().equals(reference.config().vision())
                || deployed.config().embedDim() != reference.config().embedDim()) {
            throw new IllegalArgumentException(method + ": reference config " + reference.config()
                    + " does not match the deployed model's " + deployed.config());
        }
        if (head.numClasses() < 2) {
            throw new IllegalArgumentException(method + ": the head has " + head.numClasses()
                    + " class; with one class the cross-entropy and its curvature are identically zero");
        }
        if (head.weights().getShape().get(0) != deployed.config().embedDim()) {
            throw new IllegalArgumentException(method + ": head weights " + head.weights().getShape()
                    + " do not fit the model's embedding dimension " + deployed.config().embedDim());
        }
        int size = deployed.config().vision().imageSize();
        for (LabelledImages set : new LabelledImages[] {curvature, id, ood, adversarial}) {
            if (set.imageSize() != size) {
                throw new IllegalArgumentException(method + ": image set '" + set.name() + "' has " + set.imageSize()
                        + "-pixel images but the model takes " + size);
            }
            for (int y : set.classCounts().keySet()) {
                if (y >= head.numClasses()) {
                    throw new IllegalArgumentException(method + ": image set '" + set.name() + "' has label " + y
                            + " outside the head's " + head.numClasses() + " classes");
                }
            }
        }
        for (LabelledImages set : new LabelledImages[] {id, ood, adversarial}) {
            for (Map.Entry<Integer, Integer> e : set.classCounts().entrySet()) {
                if (e.getValue() < 2) {
                    throw new IllegalArgumentException(method + ": class " + e.getKey() + " has " + e.getValue()
                            + " image in set '" + set.name() + "'; Lemma 3.2's class covariance needs at least 2");
                }
            }
        }
        if (trainSize < 1) {
            throw new IllegalArgumentException(method + ": trainSize must be >= 1, got " + trainSize);
        }
    }
}
