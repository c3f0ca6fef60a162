package org.grace.theory.spectral;

import java.util.List;

/**
 * Outcome of a Lanczos run.
 *
 * @param top          the largest Ritz pairs, descending by value (at most topK)
 * @param ritzValues   all Ritz values of the final T_m, ascending
 * @param history      Ritz values of T_1 … T_m, each ascending; history.get(j) has j + 1 entries
 * @param alpha        diagonal of T_m
 * @param beta         β_1 … β_m (β_m is the norm of the last residual; the first m − 1 are T_m's off-diagonal)
 * @param steps        m, the number of operator products spent
 * @param stopReason   why the run stopped
 */
public record LanczosResult(List<RitzPair> top, double[] ritzValues, List<double[]> history,
                            double[] alpha, double[] beta, int steps, StopReason stopReason) {

    /** Why a Lanczos run stopped. */
    public enum StopReason {
        /** Every requested Ritz pair met the residual rule. */
        CONVERGED,
        /** β_m ≈ 0: the Krylov space is invariant, so its Ritz values are exact eigenvalues. */
        INVARIANT_SUBSPACE,
        /** The step budget (or the dimension) was reached first. */
        MAX_STEPS
    }

    /** The largest Ritz value, the estimate of λ_max. */
    public double lambdaMax() {
        return top.get(0).value();
    }

    public boolean converged() {
        return stopReason != StopReason.MAX_STEPS;
    }
}
