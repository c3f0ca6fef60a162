package org.grace.theory.spectral;

import java.util.function.UnaryOperator;

/**
 * A real symmetric linear operator A on R^N, accessed only through products v ↦ Av in float64.
 *
 * <p>This is the contract every spectral routine of the module (Lanczos, Hutchinson, stochastic
 * Lanczos quadrature) relies on: {@code apply} must be linear, deterministic (same v, same Av) and
 * symmetric (uᵀAv = vᵀAu). A Hessian of a loss is symmetric only when the loss is a fixed
 * function of the parameters: fixed batch, eval mode, frozen adversarial inputs (theory.md §2).
 * {@link SymmetryCheck} tests the property numerically.
 */
public interface SymmetricOperator {

    /** The dimension N of the space the operator acts on. */
    int dimension();

    /**
     * Returns Av as a new array; must not modify {@code v}.
     *
     * @throws IllegalArgumentException if {@code v.length != dimension()}
     */
    double[] apply(double[] v);

    /** Wraps a product function; used for matrix-free operators built in code. */
    static SymmetricOperator of(int dimension, UnaryOperator<double[]> product) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("operator dimension must be positive, got " + dimension);
        }
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public double[] apply(double[] v) {
                Vectors.requireLength(v, dimension, "v");
                return product.apply(v);
            }
        };
    }
}
