package org.grace.attacks.pgd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.grace.attacks.Attack;
import org.grace.attacks.BallProjection;
import org.grace.attacks.Classifier;
import org.grace.attacks.LossGradient;
import org.grace.attacks.Predictions;
import org.grace.attacks.Rows;
import org.grace.attacks.StepScope;

/**
 * Projected gradient ascent (Madry et al. 2018) in ℓ∞ or ℓ2, for evaluation.
 *
 * <p>From a random start x⁰ in the ball ({@link RandomStart}), K steps
 * {@code x^{k+1} = P(x^k + α·dir(∇_x L(x^k)))} with dir = sign (ℓ∞) or g/||g||_2 (ℓ2), P the
 * projection onto the ε-ball and [0,1] ({@link BallProjection}); optional sign momentum
 * ({@link PgdConfig#momentum()}). Restart r attacks only points still classified correctly, from
 * the per-sample stream (seed, id, r).
 *
 * <p>Source: torchattacks {@code pgd.py}/{@code pgdl2.py}, TeCoA/FARE eval code (attacks.md §2).
 * Departure: those return the last iterate; here every iterate x⁰..x^K is evaluated and a sample
 * counts as fooled if any iterate of any restart is misclassified (the latest misclassified one is
 * returned, as auto-attack's {@code x_best_adv}); a never-fooled sample gets its highest-loss
 * iterate. So robust accuracy cannot rise with K or with the number of restarts. Clean-misclassified
 * points are returned unchanged.
 */
public final class Pgd extends Attack {

    private final PgdConfig config;

    public Pgd(PgdConfig config) {
        super("pgd", config.norm(), config.eps());
        this.config = config;
    }

    public PgdConfig config() {
        return config;
    }

    @Override
    protected void requireModel(Classifier model) {
        if (config.loss().targeted()) {
            throw new IllegalArgumentException("PGD is untargeted; loss '" + config.loss().name()
                    + "' is targeted");
        }
        config.loss().requireClasses(model.numClasses());
    }

    @Override
    protected NDArray run(Classifier model, NDArray x, int[] labels, long[] ids, NDManager work) {
        boolean[] robust = Predictions.correct(model, x, labels);
        float[] bestLoss = new float[robust.length];
        Arrays.fill(bestLoss, Float.NEGATIVE_INFINITY);
        NDArray adversarial = x;
        for (int restart = 0; restart < config.restarts(); restart++) {
            int[] idx = Rows.where(robust, true);
            if (idx.length == 0) {
                break;
            }
            SingleRun run = attackOnce(model, Rows.gather(x, idx), Rows.gather(labels, idx),
                    Rows.gather(ids, idx), restart, work);
            boolean[] take = new boolean[idx.length];
            for (int j = 0; j < idx.length; j++) {
                if (run.fooled[j]) {
                    take[j] = true;
                    robust[idx[j]] = false;
                } else if (run.bestLoss[j] > bestLoss[idx[j]]) {
                    take[j] = true;
                    bestLoss[idx[j]] = run.bestLoss[j];
                }
            }
            adversarial = Rows.scatter(adversarial, idx, run.output, take);
        }
        return adversarial;
    }

    private record SingleRun(boolean[] fooled, float[] bestLoss, NDArray output) {}

    private SingleRun attackOnce(Classifier model, NDArray x, int[] labels, long[] ids, int restart,
                                 NDManager work) {
        int n = labels.length;
        NDArray current = config.randomStart()
                ? RandomStart.draw(config.norm(), x, config.eps(), config.seed(), ids, restart)
                : x.duplicate();
        boolean[] fooled = new boolean[n];
        float[] bestLoss = new float[n];
        Arrays.fill(bestLoss, Float.NEGATIVE_INFINITY);
        NDArray lastFooled = current;
        NDArray highestLoss = current;
        NDArray velocity = null;
        for (int k = 0; k <= config.steps(); k++) {
            try (StepScope step = new StepScope(work)) {
                // Enter every state array before computing and keep the new ones after, so an
                // array shared by two state slots is never moved back into the step once kept.
                for (NDArray state : new NDArray[] {current, lastFooled, highestLoss, velocity}) {
                    if (state != null) {
                        step.enter(state);
                    }
                }
                boolean last = k == config.steps();
                NDArray logits;
                NDArray loss;
                NDArray grad = null;
                if (last) {
                    logits = model.logits(current);
                    loss = config.loss().perSample(logits, labels, null);
                } else {
                    LossGradient lg = LossGradient.at(model, current, config.loss(), labels, null);
                    logits = lg.logits();
                    loss = lg.loss();
                    grad = lg.gradient();
                }
                boolean[] wrong = invert(Predictions.correct(logits, labels));
                float[] l = loss.toFloatArray();
                boolean[] better = new boolean[n];
                for (int i = 0; i < n; i++) {
                    fooled[i] |= wrong[i];
                    if (l[i] > bestLoss[i]) {
                        better[i] = true;
                        bestLoss[i] = l[i];
                    }
                }
                lastFooled = Rows.select(wrong, current, lastFooled);
                highestLoss = Rows.select(better, current, highestLoss);
                if (!last) {
                    NDArray direction;
                    if (config.momentum() > 0) {
                        velocity = SteepestAscent.velocity(config.norm(), velocity, grad, config.momentum());
                        direction = SteepestAscent.direction(config.norm(), velocity);
                    } else {
                        direction = SteepestAscent.direction(config.norm(), grad);
                    }
                    current = BallProjection.project(config.norm(),
                            current.add(direction.mul((float) config.stepSize())), x, config.eps());
                }
                for (NDArray state : new NDArray[] {current, lastFooled, highestLoss, velocity}) {
                    if (state != null) {
                        step.keep(state);
                    }
                }
            }
        }
        NDArray output = Rows.select(fooled, lastFooled, highestLoss);
        return new SingleRun(fooled, bestLoss, output);
    }

    private static boolean[] invert(boolean[] flags) {
        boolean[] out = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            out[i] = !flags[i];
        }
        return out;
    }
}
