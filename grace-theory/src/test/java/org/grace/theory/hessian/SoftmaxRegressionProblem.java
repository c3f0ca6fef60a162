package org.grace.theory.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/** A seeded softmax-regression problem: data, parameters, the DJL loss and the analytic Hessian's inputs. */
final class SoftmaxRegressionProblem {

    final double[][] x;
    final int[] y;
    final double[][] w;
    final double[] b;
    final int classes;

    SoftmaxRegressionProblem(int n, int d, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.classes = classes;
        x = new double[n][d];
        y = new int[n];
        w = new double[classes][d];
        b = new double[classes];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = gaussian(random);
            }
            y[i] = random.nextInt(classes);
        }
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < d; j++) {
                w[k][j] = 0.5 * gaussian(random);
            }
            b[k] = 0.1 * gaussian(random);
        }
    }

    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** [W, b] as arrays of the given dtype in the manager. */
    ParameterSubset parameters(NDManager manager, DataType type) {
        Map<String, NDArray> named = new LinkedHashMap<>();
        named.put("weight", manager.create(w).toType(type, false));
        named.put("bias", manager.create(b).toType(type, false));
        return ParameterSubset.of(named);
    }

    /** Mean cross-entropy of softmax(x Wᵀ + b); casts the data to the parameters' dtype. */
    Function<List<NDArray>, NDArray> loss(NDManager manager) {
        NDArray features = manager.create(x);
        float[] oneHot = new float[y.length * classes];
        for (int i = 0; i < y.length; i++) {
            oneHot[i * classes + y[i]] = 1f;
        }
        NDArray targets = manager.create(oneHot, new ai.djl.ndarray.types.Shape(y.length, classes));
        return params -> {
            NDArray weight = params.get(0);
            NDArray bias = params.get(1);
            DataType type = weight.getDataType();
            NDArray logits = features.toType(type, false).matMul(weight.transpose()).add(bias);
            NDArray logProbabilities = logits.logSoftmax(1);
            return logProbabilities.mul(targets.toType(type, false)).sum().neg().div(y.length);
        };
    }
}
