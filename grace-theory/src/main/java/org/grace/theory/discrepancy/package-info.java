/**
 * Feature-space domain discrepancy between ID, OOD and adversarial features: the paper's Lemma 3.2
 * bound (class-conditional means and covariances) and the proxy A-distance.
 */
package org.grace.theory.discrepancy;
