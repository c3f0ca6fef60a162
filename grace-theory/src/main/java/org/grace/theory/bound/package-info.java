/**
 * Theorem 3.1 evaluated term by term (empirical risk, prior proximity, sharpness, discrepancy), the
 * σ that minimises it, and the failure-mode table set beside the paper's predictions.
 */
package org.grace.theory.bound;
