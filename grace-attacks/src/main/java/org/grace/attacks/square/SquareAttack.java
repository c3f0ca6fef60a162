package org.grace.attacks.square;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.grace.attacks.Attack;
import org.grace.attacks.Classifier;
import org.grace.attacks.Norm;
import org.grace.attacks.Predictions;
import org.grace.attacks.Rows;
import org.grace.attacks.SampleStreams;
import org.grace.attacks.StepScope;
import org.grace.attacks.loss.CwMarginLoss;

/**
 * Square Attack (Andriushchenko et al. 2020): a score-based black-box attack that only reads
 * logits, never gradients. It minimises the margin m = z_y - max_{j≠y} z_j by random search:
 * from a random start ({@link SquareProposals}), each iteration proposes a change on a random
 * square whose size follows {@link SquareSchedule}, and a sample accepts it if its margin drops
 * or it becomes misclassified; a sample stops once m ≤ 0. Restarts attack points still robust.
 *
 * <p>Source: auto-attack {@code square.py} (loss 'margin', p_init 0.8, 5000 queries, no schedule
 * rescaling). Departures: square positions, signs and the η transpose are drawn per sample from
 * its own stream instead of once for the whole batch (so results do not depend on the batch);
 * the ℓ∞ "resample if the square changes nothing" loop of the reference is not reproduced (an
 * unchanged proposal is simply not accepted).
 */
public final class SquareAttack extends Attack {

    private final SquareConfig config;
    private final CwMarginLoss margin = new CwMarginLoss(Double.POSITIVE_INFINITY);

    public SquareAttack(SquareConfig config) {
        super("square", config.norm(), config.eps());
        this.config = config;
    }

    public SquareConfig config() {
        return config;
    }

    @Override
    protected NDArray run(Classifier model, NDArray x, int[] labels, long[] ids, NDManager work) {
        boolean[] robust = Predictions.correct(model, x, labels);
        NDArray adversarial = x;
        for (int restart = 0; restart < config.restarts(); restart++) {
            int[] idx = Rows.where(robust, true);
            if (idx.length == 0) {
                break;
            }
            SingleRun run = attackOnce(model, Rows.gather(x, idx), Rows.gather(labels, idx),
                    Rows.gather(ids, idx), restart, work);
            for (int j = 0; j < idx.length; j++) {
                if (run.fooled[j]) {
                    robust[idx[j]] = false;
                }
            }
            adversarial = Rows.scatter(adversarial, idx, run.best, run.fooled);
        }
        return adversarial;
    }

    private record SingleRun(boolean[] fooled, NDArray best) {}

    /** Margins z_y - max_{j≠y} z_j of {@code images}, forward only. */
    private float[] margins(Classifier model, NDArray images, int[] labels) {
        return margin.perSample(model.logits(images), labels, null).neg().toFloatArray();
    }

    private SingleRun attackOnce(Classifier model, NDArray x, int[] labels, long[] ids, int restart,
                                 NDManager work) {
        int n = labels.length;
        SplittableRandom[] streams = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            streams[i] = SampleStreams.of(config.seed(), ids[i], restart);
        }
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        NDArray best = config.norm() == Norm.LINF
                ? SquareProposals.startLinf(x, config.eps(), streams)
                : SquareProposals.startL2(x, config.eps(), streams);
        float[] bestMargin = margins(model, best, labels);
        for (int it = 0; it < config.queries(); it++) {
            int[] active = activeSamples(bestMargin);
            if (active.length == 0) {
                break;
            }
            double p = SquareSchedule.fraction(config.pInit(), it);
            try (StepScope step = new StepScope(work)) {
                step.enter(best);
                NDArray xa = Rows.gather(x, active);
                step.enter(xa);
                NDArray bestA = Rows.gather(best, active);
                SplittableRandom[] streamsA = new SplittableRandom[active.length];
                for (int j = 0; j < active.length; j++) {
                    streamsA[j] = streams[active[j]];
                }
                NDArray proposal = config.norm() == Norm.LINF
                        ? SquareProposals.proposeLinf(xa, bestA, config.eps(), SquareSchedule.side(p, h, w),
                                streamsA, step.manager())
                        : SquareProposals.proposeL2(xa, bestA, config.eps(), SquareSchedule.sideL2(p, h, w),
                                streamsA, step.manager());
                int[] labelsA = Rows.gather(labels, active);
                float[] m = margins(model, proposal, labelsA);
                boolean[] accept = new boolean[active.length];
                for (int j = 0; j < active.length; j++) {
                    int i = active[j];
                    if (m[j] < bestMargin[i] || m[j] <= 0) {
                        accept[j] = true;
                        bestMargin[i] = m[j];
                    }
                }
                best = step.keep(Rows.scatter(best, active, proposal, accept));
            }
        }
        boolean[] fooled = new boolean[n];
        for (int i = 0; i < n; i++) {
            fooled[i] = bestMargin[i] <= 0;
        }
        return new SingleRun(fooled, best);
    }

    private static int[] activeSamples(float[] bestMargin) {
        boolean[] flags = new boolean[bestMargin.length];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = bestMargin[i] > 0;
        }
        return Rows.where(flags, true);
    }
}
