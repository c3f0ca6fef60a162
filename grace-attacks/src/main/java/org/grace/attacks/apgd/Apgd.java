package org.grace.attacks.apgd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.grace.attacks.Attack;
import org.grace.attacks.Classifier;
import org.grace.attacks.Predictions;
import org.grace.attacks.Rows;

/**
 * Auto-PGD (Croce &amp; Hein 2020) with an untargeted loss (APGD-CE, APGD-DLR), in ℓ∞, ℓ2 or ℓ1.
 *
 * <p>Each restart r runs {@link ApgdRun} (start from the per-sample stream (seed, id, r), initial
 * step 2ε (ℓ1: ε), momentum 0.75, checkpoint schedule with both halving conditions, return to the
 * best point) on the points still classified correctly; a point fooled at any iterate gets its
 * latest misclassified iterate, all others are returned unchanged. With
 * {@link ApgdConfig#highestLoss()} every point instead gets its highest-loss iterate over restarts.
 *
 * <p>Source: auto-attack {@code autopgd_base.py} ({@code APGDAttack.perturb} and
 * {@code attack_single_run}). Departures: per-sample random streams instead of one reseeded batch
 * generator; the ℓ1 {@code use_largereps} schedule is left out (see the module README); losses 'ce', 'dlr' and 'cw'.
 */
public final class Apgd extends Attack {

    private final ApgdConfig config;

    public Apgd(ApgdConfig config) {
        super("apgd-" + config.loss().name(), config.norm(), config.eps());
        if (config.loss().targeted()) {
            throw new IllegalArgumentException("Apgd takes an untargeted loss; use ApgdTargeted for '"
                    + config.loss().name() + "'");
        }
        this.config = config;
    }

    public ApgdConfig config() {
        return config;
    }

    @Override
    protected void requireModel(Classifier model) {
        config.loss().requireClasses(model.numClasses());
    }

    @Override
    protected NDArray run(Classifier model, NDArray x, int[] labels, long[] ids, NDManager work) {
        ApgdRun single = new ApgdRun(config, model);
        if (config.highestLoss()) {
            return highestLoss(single, x, labels, ids, work);
        }
        boolean[] robust = Predictions.correct(model, x, labels);
        NDArray adversarial = x;
        for (int restart = 0; restart < config.restarts(); restart++) {
            int[] idx = Rows.where(robust, true);
            if (idx.length == 0) {
                break;
            }
            ApgdRun.Result result = single.run(Rows.gather(x, idx), Rows.gather(labels, idx), null,
                    Rows.gather(ids, idx), restart, work);
            for (int j = 0; j < idx.length; j++) {
                if (result.fooled()[j]) {
                    robust[idx[j]] = false;
                }
            }
            adversarial = Rows.scatter(adversarial, idx, result.xBestAdv(), result.fooled());
        }
        return adversarial;
    }

    private NDArray highestLoss(ApgdRun single, NDArray x, int[] labels, long[] ids, NDManager work) {
        float[] best = new float[labels.length];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        int[] all = new int[labels.length];
        Arrays.setAll(all, i -> i);
        NDArray out = x;
        for (int restart = 0; restart < config.restarts(); restart++) {
            ApgdRun.Result result = single.run(x, labels, null, ids, restart, work);
            boolean[] take = new boolean[labels.length];
            for (int j = 0; j < labels.length; j++) {
                if (result.lossBest()[j] > best[j]) {
                    take[j] = true;
                    best[j] = result.lossBest()[j];
                }
            }
            out = Rows.scatter(out, all, result.xBest(), take);
        }
        return out;
    }
}
