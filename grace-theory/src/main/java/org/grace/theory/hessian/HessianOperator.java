package org.grace.theory.hessian;

import org.grace.theory.spectral.SymmetricOperator;

/**
 * The Hessian ∇²L(θ) of a scalar loss L with respect to a {@link ParameterSubset}, as a symmetric
 * operator on the flattened subset: {@code apply(v)} returns ∇²L(θ)·v in float64.
 *
 * <p>The loss is a {@code Function<List<NDArray>, NDArray>} that maps the subset's tensors (in
 * the subset's order) to a scalar; it must close over fixed data and a model in eval mode, with
 * any adversarial inputs computed beforehand and frozen, and must use the arrays it is given (not
 * the model's own copies of those parameters) so that gradients flow to them. Parameters outside
 * the subset should not require gradients. Implementations: {@link DoubleBackwardHessian} (exact,
 * Pearlmutter-style double backward) and {@link FiniteDifferenceHessian} (central differences of
 * gradients).
 */
public interface HessianOperator extends SymmetricOperator, AutoCloseable {

    /** The parameters the Hessian is taken with respect to. */
    ParameterSubset parameters();

    /** Releases the native memory the operator holds. */
    @Override
    void close();
}
