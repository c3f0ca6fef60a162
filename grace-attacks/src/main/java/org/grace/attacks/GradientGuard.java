package org.grace.attacks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves the gradient buffers of a classifier's {@link Classifier#gradientBearingParameters()}
 * before an attack and writes them back after it, so an attack run inside a training step leaves
 * no gradient behind on model parameters (DJL, like PyTorch, accumulates every backward pass into
 * every leaf that requires a gradient). A buffer that did not exist before ends as zeros.
 */
public final class GradientGuard implements AutoCloseable {

    private final NDManager manager;
    private final List<NDArray> parameters;
    private final List<NDArray> saved = new ArrayList<>();

    private GradientGuard(NDManager manager, List<NDArray> parameters) {
        this.manager = manager;
        this.parameters = parameters;
        for (NDArray p : parameters) {
            // getGradient() returns a fresh handle on the parameter's gradient each call; keeping
            // it in the guard's manager frees the handle (not the gradient) when the guard closes
            NDArray gradient = p.getGradient();
            gradient.attach(manager);
            NDArray copy = gradient.duplicate();
            copy.attach(manager);
            saved.add(copy);
        }
    }

    /** Snapshots the gradients of {@code parameters} (each must require a gradient). */
    public static GradientGuard protect(NDManager parent, List<NDArray> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            if (!parameters.get(i).hasGradient()) {
                throw new IllegalArgumentException("gradient-bearing parameter " + i + " (shape "
                        + parameters.get(i).getShape() + ") does not require a gradient");
            }
        }
        return new GradientGuard(parent.newSubManager(), List.copyOf(parameters));
    }

    /** Restores every saved gradient in place and frees the snapshot. */
    @Override
    public void close() {
        try {
            for (int i = 0; i < parameters.size(); i++) {
                NDArray grad = parameters.get(i).getGradient();
                grad.attach(manager);
                grad.subi(grad).addi(saved.get(i));
            }
        } finally {
            manager.close();
        }
    }
}
