package org.grace.theory.hessian;

import org.grace.theory.spectral.DenseSymmetricOperator;

/**
 * The analytic Hessian of multinomial logistic (softmax) regression, the ground truth against which
 * both Hessian-vector-product routes are tested.
 *
 * <p>Model: logits z_i = W x_i + b with W ∈ R^{K×d}, b ∈ R^K; loss L = (1/n) Σ_i −log p_{i,y_i},
 * p_i = softmax(z_i). Derivation: ∂L/∂z_i = (p_i − e_{y_i})/n and ∂p_{ik}/∂z_{il} = p_{ik}(δ_kl − p_{il}),
 * so ∂²L/∂z_{ik}∂z_{il} = (δ_kl p_{ik} − p_{ik}p_{il})/n (labels drop out). With z_{ik} = Σ_j W_kj x̃_ij
 * and x̃_i = (x_i, 1) (the bias as a constant feature), the chain rule is linear in W, so
 * ∂²L/∂W̃_kj ∂W̃_lm = (1/n) Σ_i (δ_kl p_{ik} − p_{ik}p_{il}) x̃_ij x̃_im,
 * i.e. H = (1/n) Σ_i (diag(p_i) − p_i p_iᵀ) ⊗ x̃_i x̃_iᵀ for the row-major vec(W̃).
 *
 * <p>Coordinate order of the returned matrix: vec(W) row-major (index k·d + j), then b (index K·d + k)
 * — the order a {@link ParameterSubset} of [W (K×d), b (K)] flattens to, which differs from the
 * row-major vec(W̃) of the Kronecker form by a permutation.
 */
public final class SoftmaxRegressionHessian {

    private SoftmaxRegressionHessian() {
    }

    /**
     * @param x    features, n × d
     * @param w    weights, K × d
     * @param bias biases of length K, or null for a model without bias (then the matrix is Kd × Kd)
     */
    public static DenseSymmetricOperator of(double[][] x, double[][] w, double[] bias) {
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("need at least one sample");
        }
        int k = w.length;
        int d = w[0].length;
        if (bias != null && bias.length != k) {
            throw new IllegalArgumentException("bias has length " + bias.length + ", expected K=" + k);
        }
        int features = bias == null ? d : d + 1;
        int dim = k * features;
        double[][] h = new double[dim][dim];
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("sample " + i + " has " + x[i].length + " features, expected " + d);
            }
            double[] p = probabilities(x[i], w, bias);
            double[] xt = new double[features];
            System.arraycopy(x[i], 0, xt, 0, d);
            if (bias != null) {
                xt[d] = 1.0;
            }
            for (int a = 0; a < k; a++) {
                for (int c = 0; c < k; c++) {
                    double curvature = (a == c ? p[a] : 0.0) - p[a] * p[c];
                    for (int j = 0; j < features; j++) {
                        int row = index(a, j, d, k);
                        for (int m = 0; m < features; m++) {
                            h[row][index(c, m, d, k)] += curvature * xt[j] * xt[m] / n;
                        }
                    }
                }
            }
        }
        return new DenseSymmetricOperator(h);
    }

    /** softmax(W x + b), computed stably in float64. */
    public static double[] probabilities(double[] x, double[][] w, double[] bias) {
        int k = w.length;
        double[] z = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < k; a++) {
            double s = bias == null ? 0.0 : bias[a];
            for (int j = 0; j < x.length; j++) {
                s += w[a][j] * x[j];
            }
            z[a] = s;
            max = Math.max(max, s);
        }
        double total = 0.0;
        for (int a = 0; a < k; a++) {
            z[a] = Math.exp(z[a] - max);
            total += z[a];
        }
        for (int a = 0; a < k; a++) {
            z[a] /= total;
        }
        return z;
    }

    private static int index(int classIndex, int feature, int d, int k) {
        return feature < d ? classIndex * d + feature : k * d + classIndex;
    }
}
