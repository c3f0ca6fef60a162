package org.grace.theory.spectral;

/**
 * A Ritz pair (θ, y) of a Lanczos run: θ approximates an eigenvalue of A, y is the unit vector
 * Q_m s, and {@code residual} = ‖A y − θ y‖ = β_m·|s_{m}|, so an eigenvalue of A lies in
 * [θ − residual, θ + residual] (Parlett, The Symmetric Eigenvalue Problem, Thm 11.4.1).
 *
 * @param value    the Ritz value θ
 * @param vector   the Ritz vector y (unit norm in float64)
 * @param residual the residual norm bound
 */
public record RitzPair(double value, double[] vector, double residual) {
}
