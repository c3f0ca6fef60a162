package org.grace.attacks.pgd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.grace.attacks.BallProjection;
import org.grace.attacks.GradientGuard;
import org.grace.attacks.InputValidation;
import org.grace.attacks.PerturbationCheck;
import org.grace.attacks.StepScope;

/**
 * PGD as used inside adversarial finetuning (TeCoA, FARE): from δ⁰ ~ U(-ε, ε) (ℓ2: random radius
 * on a random direction), K steps {@code x^{k+1} = P(x^k + α·dir(v^{k+1}))} with
 * {@code v^{k+1} = μ v^k + dir(∇ L(x^k))} (μ = 0: plain PGD), returning the <em>last</em> iterate.
 *
 * <p>The result is detached (no autograd history) and every gradient buffer of the objective's
 * {@link TrainingObjective#gradientBearingParameters()} is restored to its value before the call,
 * so the training step that follows sees only its own gradients.
 *
 * <p>Source: FARE {@code train/pgd_train.py} (sign momentum 0.9, 10 steps of 1/255, ε = 4/255),
 * TeCoA {@code attack_pgd}. Departure: FARE feeds the unclipped start x + δ⁰ to the model; here the
 * start is clipped to [0,1], as the {@link org.grace.attacks.Classifier} contract requires.
 */
public final class TrainingPgd {

    private final TrainingPgdConfig config;

    public TrainingPgd(TrainingPgdConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("training PGD config is null");
        }
        this.config = config;
    }

    public TrainingPgdConfig config() {
        return config;
    }

    /**
     * Adversarial images for {@code images} [N, C, H, W] in [0,1] maximising {@code objective};
     * {@code sampleIds} key the per-sample random starts.
     */
    public NDArray attack(NDArray images, TrainingObjective objective, long[] sampleIds) {
        InputValidation.requireImages(images);
        InputValidation.requireSampleIds(sampleIds, images.getShape().get(0));
        if (objective == null) {
            throw new IllegalArgumentException("training PGD objective is null");
        }
        NDManager parent = images.getManager();
        try (GradientGuard guard = GradientGuard.protect(parent, objective.gradientBearingParameters());
             NDManager work = parent.newSubManager()) {
            NDArray x = images.stopGradient();
            x.attach(work);
            NDArray current = RandomStart.draw(config.norm(), x, config.eps(), config.seed(),
                    sampleIds, 0);
            NDArray velocity = null;
            for (int k = 0; k < config.steps(); k++) {
                try (StepScope step = new StepScope(work)) {
                    step.enter(current);
                    NDArray grad = gradient(objective, current);
                    NDArray direction;
                    if (config.momentum() > 0) {
                        if (velocity != null) {
                            step.enter(velocity);
                        }
                        velocity = step.keep(SteepestAscent.velocity(config.norm(), velocity, grad,
                                config.momentum()));
                        direction = SteepestAscent.direction(config.norm(), velocity);
                    } else {
                        direction = SteepestAscent.direction(config.norm(), grad);
                    }
                    current = step.keep(BallProjection.project(config.norm(),
                            current.add(direction.mul((float) config.stepSize())), x, config.eps()));
                }
            }
            PerturbationCheck.requireWithin("training-pgd", x, current, config.norm(), config.eps());
            NDArray out = current.duplicate();
            out.attach(parent);
            return out;
        }
    }

    private static NDArray gradient(TrainingObjective objective, NDArray at) {
        NDArray input = at.duplicate();
        input.setRequiresGradient(true);
        try (GradientCollector collector = at.getManager().getEngine().newGradientCollector()) {
            collector.backward(objective.perSample(input).sum());
            return input.getGradient().duplicate();
        }
    }
}
