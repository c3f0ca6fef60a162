package org.grace.bench.report;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Quantiles of Student's t distribution, for confidence intervals of a mean over a few seeds.
 * The two-sided 95% quantile t_{0.975, ν} is 12.706 for ν = 1, 4.303 for ν = 2, ... 2.262 for ν = 9.
 */
public final class StudentT {

    private StudentT() {
    }

    /**
     * t_{1 − α/2, ν}: the half-width multiplier of a two-sided {@code level} interval.
     *
     * @param level confidence level in (0, 1), e.g. 0.95
     * @param dof   degrees of freedom ν ≥ 1 (n − 1 for a mean of n values)
     */
    public static double twoSidedQuantile(double level, int dof) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        if (dof < 1) {
            throw new IllegalArgumentException("Student t needs at least 1 degree of freedom, got " + dof);
        }
        // A null generator: only the inverse CDF is used, so no random generator needs seeding.
        return new TDistribution(null, dof).inverseCumulativeProbability(0.5 + level / 2.0);
    }
}
