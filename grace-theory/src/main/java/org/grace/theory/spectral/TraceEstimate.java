package org.grace.theory.spectral;

/**
 * A stochastic trace estimate.
 *
 * @param mean          the estimate of tr(A)
 * @param standardError sample standard deviation of the probe values / √samples
 * @param samples       probes used (= operator products)
 * @param converged     whether the standard-error rule was met before the probe budget ran out
 */
public record TraceEstimate(double mean, double standardError, int samples, boolean converged) {
}
