package org.grace.attacks.apgd;

/**
 * APGD's step-size control for ℓ∞ and ℓ2 (Croce &amp; Hein 2020, §3.2), per sample, as coded in
 * auto-attack {@code autopgd_base.py attack_single_run}.
 *
 * <p>Checkpoints: the first after {@code k = max(⌊0.22 N⌋, 1)} iterations, then each after
 * {@code k ← max(k - max(⌊0.03 N⌋, 1), max(⌊0.06 N⌋, 1))} more (N = 100: iterations 22, 41, 57, 70,
 * 80, 87, 93, 99 counted from 1). At a checkpoint the step of a sample is halved if
 * (C1) the loss rose in at most ρ·k of the last k steps ({@code #{j: L(x^j) > L(x^{j-1})} <= ρ k}), or
 * (C2) its step was not halved at the previous checkpoint and its best loss did not improve since.
 * C2 cannot fire at the first checkpoint. Kept quirk of the reference: at the first checkpoint the
 * count compares the first loss with the (still zero) last slot of the history
 * ({@code loss_steps[-1]} in Python).
 */
public final class CheckpointSchedule {

    private final int iterations;
    private final int decrement;
    private final int minimum;
    private final double rho;
    private final float[][] lossSteps;
    private final boolean[] reducedLastCheck;
    private final float[] lossBestLastCheck;
    private int interval;
    private int sinceCheck;

    /** @param initialBestLoss the loss at the starting point, per sample */
    public CheckpointSchedule(int iterations, double rho, float[] initialBestLoss) {
        this.iterations = iterations;
        this.rho = rho;
        this.interval = Math.max((int) (0.22 * iterations), 1);
        this.minimum = Math.max((int) (0.06 * iterations), 1);
        this.decrement = Math.max((int) (0.03 * iterations), 1);
        int n = initialBestLoss.length;
        this.lossSteps = new float[iterations][n];
        this.reducedLastCheck = new boolean[n];
        java.util.Arrays.fill(reducedLastCheck, true);
        this.lossBestLastCheck = initialBestLoss.clone();
    }

    /**
     * Records the loss of iteration {@code i} (0-based) and, at a checkpoint, returns which samples
     * halve their step (null between checkpoints). {@code lossBest} is the best loss so far,
     * already updated with iteration i.
     */
    public boolean[] afterIteration(int i, float[] loss, float[] lossBest) {
        lossSteps[i] = loss.clone();
        sinceCheck++;
        if (sinceCheck != interval) {
            return null;
        }
        int n = loss.length;
        boolean[] halve = new boolean[n];
        for (int s = 0; s < n; s++) {
            int rises = 0;
            for (int c = 0; c < interval; c++) {
                int now = i - c;
                int before = Math.floorMod(i - c - 1, iterations);
                if (lossSteps[now][s] > lossSteps[before][s]) {
                    rises++;
                }
            }
            boolean oscillation = rises <= interval * rho;
            boolean noImprovement = !reducedLastCheck[s] && lossBestLastCheck[s] >= lossBest[s];
            halve[s] = oscillation || noImprovement;
            reducedLastCheck[s] = halve[s];
            lossBestLastCheck[s] = lossBest[s];
        }
        interval = Math.max(interval - decrement, minimum);
        sinceCheck = 0;
        return halve;
    }
}
