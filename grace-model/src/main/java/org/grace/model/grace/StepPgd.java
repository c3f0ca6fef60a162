package org.grace.model.grace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.BallProjection;
import org.grace.attacks.Classifier;
import org.grace.attacks.Norm;
import org.grace.attacks.loss.CrossEntropyLoss;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Training PGD run from inside a training step: ℓ∞ PGD on the cross-entropy of the deployed
 * classifier, {@code x⁰ = Π(x + U(−ε, ε))}, {@code x^{k+1} = Π(x^k + α·sign ∇ₓ Σᵢ CE(f(x^k)ᵢ, yᵢ))},
 * returning the last iterate, detached ({@code Π}: clip to the ε-ball around x and to [0,1]).
 *
 * <p>Source: the algorithm of {@link org.grace.attacks.pgd.TrainingPgd} with momentum 0 (TeCoA's
 * {@code attack_pgd}); paper setting ε = 4/255, 10 steps of 1/255. Departure, and why this class
 * exists: {@code TrainingPgd} takes its input gradients with its own {@code GradientCollector},
 * which DJL refuses to open while the training loop's collector is open (one at a time), so inside
 * {@code FinetuningMethod.loss} the input gradients are taken with {@link InnerAutograd} instead.
 * The random start is drawn from the step's random stream rather than per-sample-id streams.
 */
public final class StepPgd {

    private final double eps;
    private final double stepSize;
    private final int steps;

    /**
     * @param eps ℓ∞ radius in [0,1]
     * @param stepSize α &gt; 0
     * @param steps K ≥ 0 (0 returns the random start)
     */
    public StepPgd(double eps, double stepSize, int steps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("PGD eps must lie in [0,1] (pixel units), was " + eps);
        }
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("PGD step size must be positive and finite, was " + stepSize);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("PGD steps must be non-negative, was " + steps);
        }
        this.eps = eps;
        this.stepSize = stepSize;
        this.steps = steps;
    }

    /**
     * Adversarial images for {@code images} [B,3,S,S] in [0,1], as a detached array in the images'
     * manager; the gradient buffers of {@code trainable} are left as they were.
     */
    public NDArray attack(Classifier model, NDArray images, int[] labels, SplittableRandom random,
                          List<NDArray> trainable) {
        NDManager parent = images.getManager();
        CrossEntropyLoss ce = new CrossEntropyLoss();
        NDArray x = images.stopGradient();
        float[] noise = new float[(int) x.getShape().size()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) ((random.nextDouble() * 2 - 1) * eps);
        }
        NDArray current = BallProjection.project(Norm.LINF, x.add(parent.create(noise, x.getShape())), x, eps);
        for (int k = 0; k < steps; k++) {
            try (NDManager work = parent.newSubManager()) {
                NDArray leaf = current.duplicate();
                leaf.attach(work);
                leaf.setRequiresGradient(true);
                NDArray grad = InnerAutograd.gradients(
                        () -> ce.perSample(model.logits(leaf), labels, null).sum(), List.of(leaf), trainable, work).get(0);
                NDArray next = BallProjection.project(Norm.LINF, current.add(grad.sign().mul((float) stepSize)), x, eps);
                next.attach(parent);
                current = next;
            }
        }
        return current.stopGradient();
    }

    public double eps() {
        return eps;
    }

    public double stepSize() {
        return stepSize;
    }

    public int steps() {
        return steps;
    }
}
