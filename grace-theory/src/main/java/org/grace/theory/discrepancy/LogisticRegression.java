package org.grace.theory.discrepancy;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Binary L2-regularised logistic regression, the linear domain classifier of the proxy A-distance.
 *
 * <p>Objective: (1/n) Σ_i log(1 + exp(−s_i (wᵀx_i + b))) + (λ/2)‖w‖², s_i = ±1, on features
 * standardised with the training mean and standard deviation (a constant feature keeps scale 1).
 * Minimised by Newton's method with backtracking (Hessian (1/n) Xᵀ diag(p(1−p)) X + λI, the bias
 * unpenalised but stabilised by 1e-10), until the gradient norm is below 1e-9 or 100 iterations.
 * Departure from the common implementation (Ganin et al. 2016: linear SVM, C chosen on the test
 * half): a single fixed λ, because choosing it on the held-out half biases the distance upwards.
 */
final class LogisticRegression {

    private static final int MAX_ITERATIONS = 100;
    private static final double GRADIENT_TOLERANCE = 1e-9;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    private LogisticRegression(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /** Fits on rows {@code x} with labels {@code positive[i]} (true = class 1); needs both classes. */
    static LogisticRegression fit(double[][] x, boolean[] positive, double lambda) {
        int n = x.length;
        int d = x[0].length;
        boolean anyPositive = false;
        boolean anyNegative = false;
        for (boolean p : positive) {
            anyPositive |= p;
            anyNegative |= !p;
        }
        if (!anyPositive || !anyNegative) {
            throw new IllegalArgumentException("a domain classifier needs both domains in its training set, got only "
                    + (anyPositive ? "the target" : "the source"));
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-24 ? Math.sqrt(scale[j]) : 1.0;
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            z[i][d] = 1.0;
        }
        double[] theta = new double[d + 1];
        double objective = objective(z, positive, theta, lambda);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(z[i], theta));
                double residual = p - (positive[i] ? 1.0 : 0.0);
                double curvature = p * (1.0 - p);
                for (int a = 0; a <= d; a++) {
                    gradient[a] += residual * z[i][a] / n;
                    double za = curvature * z[i][a] / n;
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += za * z[i][b];
                    }
                }
            }
            for (int a = 0; a <= d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                hessian[a][a] += a < d ? lambda : 1e-10;
                if (a < d) {
                    gradient[a] += lambda * theta[a];
                }
            }
            if (norm(gradient) < GRADIENT_TOLERANCE) {
                break;
            }
            RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false))
                    .getSolver().solve(new ArrayRealVector(gradient, false));
            double t = 1.0;
            double[] candidate = new double[d + 1];
            double next;
            do {
                for (int a = 0; a <= d; a++) {
                    candidate[a] = theta[a] - t * step.getEntry(a);
                }
                next = objective(z, positive, candidate, lambda);
                t /= 2;
            } while (next > objective && t > 1e-12);
            if (!(next <= objective)) {
                break;
            }
            System.arraycopy(candidate, 0, theta, 0, d + 1);
            objective = next;
        }
        double[] weights = new double[d];
        System.arraycopy(theta, 0, weights, 0, d);
        return new LogisticRegression(mean, scale, weights, theta[d]);
    }

    /** True when the classifier assigns the row to class 1 (score > 0). */
    boolean predict(double[] row) {
        double s = bias;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * (row[j] - mean[j]) / scale[j];
        }
        return s > 0.0;
    }

    private static double objective(double[][] z, boolean[] positive, double[] theta, double lambda) {
        double loss = 0.0;
        for (int i = 0; i < z.length; i++) {
            double margin = (positive[i] ? 1.0 : -1.0) * dot(z[i], theta);
            loss += margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
        }
        double penalty = 0.0;
        for (int a = 0; a < theta.length - 1; a++) {
            penalty += theta[a] * theta[a];
        }
        return loss / z.length + 0.5 * lambda * penalty;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1.0 / (1.0 + Math.exp(-t)) : Math.exp(t) / (1.0 + Math.exp(t));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
