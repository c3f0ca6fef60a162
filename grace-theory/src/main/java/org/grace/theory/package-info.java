/**
 * Numerical checks of the Robust PAC-Bayes bound's terms: drift, Hessian-vector products, Lanczos,
 * Hutchinson trace, stochastic Lanczos quadrature, feature discrepancy and the bound itself.
 */
package org.grace.theory;
