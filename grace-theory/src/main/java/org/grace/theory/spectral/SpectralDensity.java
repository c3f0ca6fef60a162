package org.grace.theory.spectral;

import java.util.List;

/**
 * A smoothed eigenvalue density of a symmetric operator from stochastic Lanczos quadrature.
 *
 * @param grid           evaluation points, ascending
 * @param density        φ(t) on the grid, normalised to integrate to 1 (trapezoid rule); multiply by N
 *                       for an eigenvalue count density
 * @param nodes          per probe, the quadrature nodes (Ritz values θ_i)
 * @param weights        per probe, the weights s_{1,i}² (each probe's weights sum to 1)
 * @param kernelVariance the Gaussian broadening variance used
 * @param traceEstimate  N·mean over probes of Σ_i w_i θ_i, an estimate of tr(A) (cross-check for Hutchinson)
 */
public record SpectralDensity(double[] grid, double[] density, List<double[]> nodes, List<double[]> weights,
                              double kernelVariance, double traceEstimate) {
}
