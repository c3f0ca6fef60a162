package org.grace.attacks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * An adversarial attack within an ε-ball of a norm: given a classifier, clean images x in [0,1]
 * and labels y, it returns x_adv with {@code ||x_adv - x||_p <= eps} and x_adv in [0,1].
 *
 * <p>{@link #perturb} is the same for every attack: validate the input (shape, range, labels),
 * snapshot the classifier's gradient-bearing parameters, run the attack in a private memory scope,
 * check the ε-ball and [0,1] ({@link PerturbationCheck}, a violation throws), restore the
 * parameters' gradients and return a detached result in the images' manager.
 * Each sample's randomness comes from {@link SampleStreams} keyed by its sample id, so a sample's
 * result does not depend on the batch it is in (ids default to 0..N-1).
 */
public abstract class Attack {

    private final String name;
    private final Norm norm;
    private final double eps;

    protected Attack(String name, Norm norm, double eps) {
        if (norm == null) {
            throw new IllegalArgumentException(name + ": norm is null");
        }
        this.name = name;
        this.norm = norm;
        this.eps = InputValidation.requireRadius(name + " eps", eps);
    }

    /** The attack's name as AutoAttack spells it (e.g. "apgd-ce"). */
    public final String name() {
        return name;
    }

    /** The threat-model norm. */
    public final Norm norm() {
        return norm;
    }

    /** The radius ε. */
    public final double eps() {
        return eps;
    }

    /** Attacks {@code images} with sample ids 0..N-1. */
    public final NDArray perturb(Classifier model, NDArray images, int[] labels) {
        long[] ids = new long[Math.toIntExact(images.getShape().get(0))];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return perturb(model, images, labels, ids);
    }

    /**
     * Attacks {@code images} [N, C, H, W] in [0,1] with labels [N]; {@code sampleIds[i]} keys
     * sample i's random stream (use global dataset indices for batch-size-independent results).
     */
    public final NDArray perturb(Classifier model, NDArray images, int[] labels, long[] sampleIds) {
        if (model == null) {
            throw new IllegalArgumentException(name + ": classifier is null");
        }
        InputValidation.requireImages(images);
        long n = images.getShape().get(0);
        InputValidation.requireLabels(labels, n, model.numClasses());
        InputValidation.requireSampleIds(sampleIds, n);
        requireModel(model);
        NDManager parent = images.getManager();
        try (GradientGuard guard = GradientGuard.protect(parent, model.gradientBearingParameters());
             NDManager work = parent.newSubManager()) {
            NDArray detached = images.stopGradient();
            detached.attach(work);
            NDArray x = detached.duplicate();
            NDArray adversarial = run(model, x, labels.clone(), sampleIds.clone(), work);
            PerturbationCheck.requireWithin(name, x, adversarial, norm, eps);
            NDArray out = adversarial.duplicate();
            out.attach(parent);
            return out;
        }
    }

    /** Checks attack-specific requirements on the classifier (e.g. number of classes). */
    protected void requireModel(Classifier model) {}

    /**
     * The attack proper. {@code x} is a private copy living in {@code work}; the result must have
     * x's shape and may live in {@code work} (it is copied out).
     */
    protected abstract NDArray run(Classifier model, NDArray x, int[] labels, long[] sampleIds,
                                   NDManager work);
}
