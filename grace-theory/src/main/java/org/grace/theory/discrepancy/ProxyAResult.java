package org.grace.theory.discrepancy;

/**
 * A proxy A-distance measurement.
 *
 * @param source       name of the first domain
 * @param target       name of the second domain
 * @param distance     d̂_A = 2(1 − 2·min(err, 0.5)) ∈ [0, 2]
 * @param heldOutError the domain classifier's error on the held-out half
 * @param trainSize    training rows (both domains together)
 * @param testSize     held-out rows (both domains together)
 */
public record ProxyAResult(String source, String target, double distance, double heldOutError,
                           int trainSize, int testSize) {
}
