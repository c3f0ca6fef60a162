package org.grace.theory.bound;

/**
 * Every term of Theorem 3.1 at one posterior width σ.
 *
 * @param method         the method
 * @param sigma          σ
 * @param empiricalRisk  R̂_ID(θ)
 * @param proximity      (A) ‖θ − θ0‖² / (2nσ²)
 * @param sharpness      (B) (σ²/2)·Tr ∇²R
 * @param discrepancy    (C) max_{s,t} d_HΔH(D_s, D_t)
 * @param lambdaStar     λ*
 * @param confidence     ln(1/δ)/n plus ln(grid size)/n for a grid search
 */
public record PacBayesTerms(String method, double sigma, double empiricalRisk, double proximity, double sharpness,
                            double discrepancy, double lambdaStar, double confidence) {

    /** The bound: the sum of all terms. */
    public double total() {
        return empiricalRisk + proximity + sharpness + discrepancy + lambdaStar + confidence;
    }

    /** The value of one of the three terms the paper's failure modes refer to. */
    public double term(BoundTerm term) {
        return switch (term) {
            case PRIOR_PROXIMITY -> proximity;
            case SHARPNESS -> sharpness;
            case DISCREPANCY -> discrepancy;
        };
    }
}
