package org.grace.theory.discrepancy;

/**
 * Settings of {@link ProxyADistance}.
 *
 * @param l2Penalty λ of the logistic domain classifier (on standardised features; &gt; 0 keeps the fit
 *                  finite when the domains are separable)
 * @param seed      seed of the balancing subsample and the train/test split
 */
public record ProxyAConfig(double l2Penalty, long seed) {

    public ProxyAConfig {
        if (!(l2Penalty > 0.0) || Double.isInfinite(l2Penalty)) {
            throw new IllegalArgumentException("l2Penalty must be positive and finite, got " + l2Penalty);
        }
    }

    /** λ = 1e-2. */
    public static ProxyAConfig defaults(long seed) {
        return new ProxyAConfig(1e-2, seed);
    }
}
