package org.grace.theory.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded two-layer perceptron classifier, logits = tanh(x W1ᵀ + b1) W2ᵀ + b2, with mean
 * cross-entropy on a fixed batch: a small non-convex model whose Hessian has negative directions.
 */
final class MlpProblem {

    final int n;
    final int inputs;
    final int hidden;
    final int classes;
    private final float[] x;
    private final float[] oneHot;
    private final Map<String, float[]> initial = new LinkedHashMap<>();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();

    MlpProblem(int n, int inputs, int hidden, int classes, long seed) {
        this.n = n;
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        SplittableRandom random = new SplittableRandom(seed);
        x = new float[n * inputs];
        oneHot = new float[n * classes];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) SoftmaxRegressionProblem.gaussian(random);
        }
        for (int i = 0; i < n; i++) {
            oneHot[i * classes + random.nextInt(classes)] = 1f;
        }
        put("fc1.weight", new Shape(hidden, inputs), 1.0 / Math.sqrt(inputs), random);
        put("fc1.bias", new Shape(hidden), 0.1, random);
        put("fc2.weight", new Shape(classes, hidden), 1.0 / Math.sqrt(hidden), random);
        put("fc2.bias", new Shape(classes), 0.1, random);
    }

    private void put(String name, Shape shape, double scale, SplittableRandom random) {
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (scale * SoftmaxRegressionProblem.gaussian(random));
        }
        initial.put(name, values);
        shapes.put(name, shape);
    }

    ParameterSubset parameters(NDManager manager, DataType type) {
        Map<String, NDArray> named = new LinkedHashMap<>();
        initial.forEach((name, values) -> named.put(name, manager.create(values, shapes.get(name)).toType(type, false)));
        return ParameterSubset.of(named);
    }

    Function<List<NDArray>, NDArray> loss(NDManager manager) {
        NDArray features = manager.create(x, new Shape(n, inputs));
        NDArray targets = manager.create(oneHot, new Shape(n, classes));
        return p -> {
            DataType type = p.get(0).getDataType();
            NDArray h = features.toType(type, false).matMul(p.get(0).transpose()).add(p.get(1)).tanh();
            NDArray logits = h.matMul(p.get(2).transpose()).add(p.get(3));
            return logits.logSoftmax(1).mul(targets.toType(type, false)).sum().neg().div(n);
        };
    }
}
