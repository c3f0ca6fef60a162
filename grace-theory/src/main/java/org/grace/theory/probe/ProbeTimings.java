package org.grace.theory.probe;

/**
 * Where one probe's time went (wall-clock seconds) and how many Hessian-vector products each
 * curvature estimate spent.
 *
 * @param drift           effective-weight drift from θ0
 * @param setup           the merged copy and the double-backward gradient graph (one forward + backward)
 * @param symmetry        the symmetry check
 * @param lambdaMax       Lanczos for λ_max
 * @param trace           Hutchinson for the whole trace
 * @param layers          the per-layer traces
 * @param slq             the spectral density (0 when off)
 * @param discrepancy     image features of the three sets, Lemma 3.2 and the proxy A-distances
 * @param total           the whole measurement
 * @param lambdaProducts  products spent on λ_max
 * @param traceProducts   products spent on the whole trace
 * @param layerProducts   products spent on the per-layer traces
 * @param slqProducts     products spent on the density
 */
public record ProbeTimings(double drift, double setup, double symmetry, double lambdaMax, double trace, double layers,
                           double slq, double discrepancy, double total, long lambdaProducts, long traceProducts,
                           long layerProducts, long slqProducts) {
}
