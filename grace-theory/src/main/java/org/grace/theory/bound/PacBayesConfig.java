package org.grace.theory.bound;

/**
 * Constants of the Theorem 3.1 evaluation that the paper summary leaves open.
 *
 * @param delta      confidence parameter δ ∈ (0, 1]; the summary's bound has no δ term, so the
 *                   confidence cost ln(1/δ)/n is added in the same KL/n scale (δ = 1 reproduces the
 *                   summary's expression exactly)
 * @param lambdaStar λ*, the joint optimal risk of Ben-David et al.; it needs target labels and is
 *                   "assumed small" there, so it is an input (default 0) reported as its own term
 * @param sigmaMin   lower end of the σ search range (&gt; 0)
 * @param sigmaMax   upper end of the σ search range
 * @param search     how σ is chosen
 * @param gridSize   number of log-uniform σ values for {@link SigmaSearch#GRID} (its union bound costs ln(gridSize)/n)
 */
public record PacBayesConfig(double delta, double lambdaStar, double sigmaMin, double sigmaMax,
                             SigmaSearch search, int gridSize) {

    /** How the posterior width σ is chosen. */
    public enum SigmaSearch {
        /**
         * Golden-section search on ln σ over [sigmaMin, sigmaMax] (the bound is convex in ln σ:
         * a·e^{−2s} + b·e^{2s}). σ is tuned on the data without a union bound, as the paper's
         * expression does, so the result is optimistic rather than a certified bound.
         */
        GOLDEN_SECTION,
        /**
         * The best of {@code gridSize} log-uniform values, paying ln(gridSize)/n for a union bound
         * over the grid: a valid bound for data-dependent σ.
         */
        GRID
    }

    public PacBayesConfig {
        if (!(delta > 0.0 && delta <= 1.0)) {
            throw new IllegalArgumentException("delta must be in (0, 1], got " + delta);
        }
        if (!Double.isFinite(lambdaStar) || lambdaStar < 0.0) {
            throw new IllegalArgumentException("lambdaStar must be finite and >= 0, got " + lambdaStar);
        }
        if (!(sigmaMin > 0.0 && sigmaMax > sigmaMin && Double.isFinite(sigmaMax))) {
            throw new IllegalArgumentException("need 0 < sigmaMin < sigmaMax < infinity, got [" + sigmaMin + ", " + sigmaMax + "]");
        }
        if (search == null) {
            throw new IllegalArgumentException("search must be given");
        }
        if (search == SigmaSearch.GRID && gridSize < 2) {
            throw new IllegalArgumentException("gridSize must be >= 2 for a grid search, got " + gridSize);
        }
    }

    /** δ = 0.05, λ* = 0, σ ∈ [1e-8, 1e3] by golden section. */
    public static PacBayesConfig defaults() {
        return new PacBayesConfig(0.05, 0.0, 1e-8, 1e3, SigmaSearch.GOLDEN_SECTION, 0);
    }
}
