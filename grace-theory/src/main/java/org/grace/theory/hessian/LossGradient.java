package org.grace.theory.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.function.Function;

/**
 * First-order gradient ∇L(θ) of a scalar loss at arbitrary parameter values, computed on fresh leaf
 * arrays so nothing accumulates into the model's own gradients (DJL never zeroes them).
 *
 * <p>One call = one forward and one backward of the loss: the unit of cost against which a
 * Hessian-vector product is measured.
 */
public final class LossGradient {

    private final ParameterSubset subset;
    private final Function<List<NDArray>, NDArray> loss;

    public LossGradient(ParameterSubset subset, Function<List<NDArray>, NDArray> loss) {
        this.subset = subset;
        this.loss = loss;
    }

    /** ∇L at θ = {@code theta} (flattened), with leaves of dtype {@code type} (null: each parameter's own); returns float64. */
    public double[] at(double[] theta, DataType type) {
        NDManager parent = subset.values().get(0).getManager();
        try (NDManager scope = parent.newSubManager()) {
            List<NDArray> leaves = subset.unflatten(theta, scope, type);
            boolean previous = TorchAutograd.isGradMode();
            try {
                TorchAutograd.setGradMode(true);
                for (NDArray leaf : leaves) {
                    leaf.setRequiresGradient(true);
                }
                NDArray value = evaluate(loss, leaves, scope);
                TorchAutograd.backward(value, scope.ones(value.getShape(), value.getDataType()), false, false);
            } finally {
                TorchAutograd.setGradMode(previous);
            }
            return readGradients(leaves, subset.dimension());
        }
    }

    /** L(θ) at θ = {@code theta} (flattened), evaluated without gradient tracking on arrays of dtype {@code type} (null: own). */
    public double valueAt(double[] theta, DataType type) {
        NDManager parent = subset.values().get(0).getManager();
        try (NDManager scope = parent.newSubManager()) {
            List<NDArray> arrays = subset.unflatten(theta, scope, type);
            boolean previous = TorchAutograd.isGradMode();
            try {
                TorchAutograd.setGradMode(false);
                NDArray value = evaluate(loss, arrays, scope);
                return value.toType(DataType.FLOAT64, true).getDouble();
            } finally {
                TorchAutograd.setGradMode(previous);
            }
        }
    }

    /** ∇L at the subset's current values, on leaves of each parameter's own dtype. */
    public double[] atCurrent() {
        return at(subset.flatten(), null);
    }

    /** Applies the loss and checks that it returned a finite scalar. */
    static NDArray evaluate(Function<List<NDArray>, NDArray> loss, List<NDArray> leaves, NDManager scope) {
        NDArray value = loss.apply(leaves);
        if (value == null || value.getShape().size() != 1) {
            throw new IllegalArgumentException("the loss must return a scalar, got shape "
                    + (value == null ? "null" : value.getShape()));
        }
        value.attach(scope);
        double v = value.toType(DataType.FLOAT64, true).getDouble();
        if (!Double.isFinite(v)) {
            throw new ArithmeticException("the loss evaluated to " + v);
        }
        return value;
    }

    /** Concatenates the leaves' .grad as float64, closing the wrapper arrays DJL creates. */
    static double[] readGradients(List<NDArray> leaves, int dimension) {
        double[] out = new double[dimension];
        int offset = 0;
        for (int i = 0; i < leaves.size(); i++) {
            NDArray leaf = leaves.get(i);
            try (NDArray grad = leaf.getGradient()) {
                double[] part = ParameterSubset.toDoubles(grad);
                if (part.length != leaf.getShape().size()) {
                    throw new IllegalStateException("gradient of parameter " + i + " has " + part.length
                            + " entries, expected " + leaf.getShape().size());
                }
                System.arraycopy(part, 0, out, offset, part.length);
                offset += part.length;
            }
        }
        return out;
    }
}
