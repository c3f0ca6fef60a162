/**
 * Matrix-free spectral analysis of symmetric operators in float64: Lanczos with full
 * reorthogonalisation (λ_max, top-k Ritz pairs), Hutchinson trace (whole and per block), stochastic
 * Lanczos quadrature spectral density, and a numerical symmetry check. Nothing here depends on a
 * model; a Hessian enters as a {@link org.grace.theory.spectral.SymmetricOperator}.
 */
package org.grace.theory.spectral;
