/**
 * One theory probe for any method's trained, deployed CLIP classifier: drift from θ0, the curvature
 * of its classification loss on the effective attention weights (λ_max, trace, per-layer traces,
 * optional spectral density), the feature discrepancies between ID, OOD and adversarial images, and
 * every term of the paper's Theorem 3.1, measured on the same coordinates for every method.
 */
package org.grace.theory.probe;
