package org.grace.attacks.apgd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.grace.attacks.Attack;
import org.grace.attacks.Classifier;
import org.grace.attacks.Rows;
import org.grace.attacks.loss.TargetedDlrLoss;

/**
 * APGD-T: APGD with the targeted DLR loss, run against each of the {@code targetClasses} most
 * likely wrong classes in turn.
 *
 * <p>For target rank r = 2..T+1 (outer loop) and restart (inner loop), the points still classified
 * correctly are attacked with target t = the r-th largest logit of the <em>clean</em> input
 * (recomputed for the remaining points each round), i.e. the top-T non-true classes. A point
 * counts as fooled when it is misclassified (into any class). Needs T + 1 ≤ K and K ≥ 4.
 *
 * <p>Source: auto-attack {@code autopgd_base.py APGDAttack_targeted.perturb}. Departure:
 * per-sample random streams keyed by (seed, id, (r-2)·restarts + restart).
 */
public final class ApgdTargeted extends Attack {

    private final ApgdConfig config;

    public ApgdTargeted(ApgdConfig config) {
        super("apgd-t", config.norm(), config.eps());
        if (!config.loss().targeted()) {
            throw new IllegalArgumentException("ApgdTargeted needs a targeted loss; got '"
                    + config.loss().name() + "'");
        }
        if (config.highestLoss()) {
            throw new IllegalArgumentException("ApgdTargeted returns adversarial examples only");
        }
        this.config = config;
    }

    /** auto-attack's APGD-T: targeted DLR, 100 iterations, 9 targets, given restarts. */
    public static ApgdTargeted standard(org.grace.attacks.Norm norm, double eps, int restarts, long seed) {
        return new ApgdTargeted(ApgdConfig.of(norm, eps, new TargetedDlrLoss(), restarts, seed));
    }

    public ApgdConfig config() {
        return config;
    }

    @Override
    protected void requireModel(Classifier model) {
        config.loss().requireClasses(model.numClasses());
        if (config.targetClasses() + 1 > model.numClasses()) {
            throw new IllegalArgumentException("APGD-T with " + config.targetClasses()
                    + " target classes needs at least " + (config.targetClasses() + 1)
                    + " classes; the classifier has " + model.numClasses());
        }
    }

    @Override
    protected NDArray run(Classifier model, NDArray x, int[] labels, long[] ids, NDManager work) {
        ApgdRun single = new ApgdRun(config, model);
        NDArray cleanLogits = model.logits(x);
        boolean[] robust = org.grace.attacks.Predictions.correct(cleanLogits, labels);
        int[][] ranking = TargetRanking.descending(cleanLogits);
        NDArray adversarial = x;
        for (int rank = 2; rank <= config.targetClasses() + 1; rank++) {
            for (int restart = 0; restart < config.restarts(); restart++) {
                int[] idx = Rows.where(robust, true);
                if (idx.length == 0) {
                    return adversarial;
                }
                int[] targets = new int[idx.length];
                for (int j = 0; j < idx.length; j++) {
                    targets[j] = ranking[idx[j]][rank - 1];
                }
                long stream = (long) (rank - 2) * config.restarts() + restart;
                ApgdRun.Result result = single.run(Rows.gather(x, idx), Rows.gather(labels, idx),
                        targets, Rows.gather(ids, idx), stream, work);
                for (int j = 0; j < idx.length; j++) {
                    if (result.fooled()[j]) {
                        robust[idx[j]] = false;
                    }
                }
                adversarial = Rows.scatter(adversarial, idx, result.xBestAdv(), result.fooled());
            }
        }
        return adversarial;
    }
}
