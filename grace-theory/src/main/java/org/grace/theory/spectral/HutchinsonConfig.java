package org.grace.theory.spectral;

/**
 * Settings of {@link HutchinsonTrace}.
 *
 * @param minSamples               probes drawn before the stopping rule is consulted (≥ 2, so a standard error exists)
 * @param maxSamples               the most probes (= operator products)
 * @param relativeStandardError    stop when SE ≤ this·|mean|
 * @param absoluteStandardError    or when SE ≤ this (for traces near zero; 0 disables)
 * @param seed                     seed of the Rademacher probes
 */
public record HutchinsonConfig(int minSamples, int maxSamples, double relativeStandardError,
                               double absoluteStandardError, long seed) {

    public HutchinsonConfig {
        if (minSamples < 2) {
            throw new IllegalArgumentException("minSamples must be >= 2 (a standard error needs two samples), got "
                    + minSamples);
        }
        if (maxSamples < minSamples) {
            throw new IllegalArgumentException("maxSamples (" + maxSamples + ") must be >= minSamples (" + minSamples + ")");
        }
        if (!(relativeStandardError > 0.0)) {
            throw new IllegalArgumentException("relativeStandardError must be positive, got " + relativeStandardError);
        }
        if (!(absoluteStandardError >= 0.0)) {
            throw new IllegalArgumentException("absoluteStandardError must be >= 0, got " + absoluteStandardError);
        }
    }

    /** 10 to 200 probes, stopping at a 1% relative standard error. */
    public static HutchinsonConfig defaults(long seed) {
        return new HutchinsonConfig(10, 200, 0.01, 0.0, seed);
    }
}
