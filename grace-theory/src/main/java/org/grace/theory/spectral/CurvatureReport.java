package org.grace.theory.spectral;

import java.util.Map;

/**
 * Curvature of one operator (a Hessian at one point).
 *
 * @param lanczos        the Lanczos run (λ_max and top-k Ritz pairs)
 * @param trace          Hutchinson estimate of tr(A)
 * @param blockTraces    tr(A_bb) per block, empty when not requested
 * @param density        the SLQ density, or null when not requested
 * @param asymmetry      the relative asymmetry measured first (0 when the check was skipped)
 * @param products       operator products spent in total
 * @param seconds        wall-clock time
 */
public record CurvatureReport(LanczosResult lanczos, TraceEstimate trace, Map<String, TraceEstimate> blockTraces,
                              SpectralDensity density, double asymmetry, long products, double seconds) {
}
