package org.grace.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * L(u, v) = (u₀ − 1)² + 3·u₁² + ½·v² + u₀·v with u ∈ ℝ², v ∈ ℝ (a scalar array), whose gradient
 * ∂L/∂u₀ = 2(u₀ − 1) + v, ∂L/∂u₁ = 6u₁, ∂L/∂v = v + u₀ the tests evaluate by hand in double.
 */
final class TwoParameterProblem implements AutoCloseable {

    static final double[] U0 = {0.5, -1.5};
    static final double V0 = 2.0;

    final NDManager manager;
    final Map<String, NDArray> parameters = new LinkedHashMap<>();

    TwoParameterProblem(NDManager parent) {
        manager = parent.newSubManager();
        NDArray u = manager.create(new float[] {(float) U0[0], (float) U0[1]});
        NDArray v = manager.create((float) V0);
        u.setRequiresGradient(true);
        v.setRequiresGradient(true);
        parameters.put("u", u);
        parameters.put("v", v);
    }

    /** Analytic gradient at (u₀, u₁, v). */
    static double[] gradient(double[] x) {
        return new double[] {2 * (x[0] - 1) + x[2], 6 * x[1], x[2] + x[0]};
    }

    /** Zeroes gradients, runs L forward and backward under DJL autograd. */
    void computeGradients() {
        try (NDManager m = manager.newSubManager()) {
            Gradients.zero(parameters.values(), m);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray u = parameters.get("u");
                NDArray v = parameters.get("v");
                NDArray u0 = u.get(0);
                NDArray u1 = u.get(1);
                NDArray loss = u0.sub(m.create(1f)).square().add(u1.square().mul(m.create(3f)))
                        .add(v.square().mul(m.create(0.5f))).add(u0.mul(v));
                loss.attach(m);
                gc.backward(loss);
            }
        }
    }

    /** (u₀, u₁, v) as doubles. */
    double[] values() {
        float[] u = parameters.get("u").toFloatArray();
        return new double[] {u[0], u[1], parameters.get("v").toFloatArray()[0]};
    }

    @Override
    public void close() {
        manager.close();
    }
}
