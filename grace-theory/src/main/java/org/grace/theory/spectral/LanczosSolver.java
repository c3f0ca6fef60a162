package org.grace.theory.spectral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lanczos with full reorthogonalisation for the largest eigenpairs of a symmetric operator.
 *
 * <p>Definition (theory.md §2; Golub &amp; Van Loan, Matrix Computations, §10.1): from a unit start
 * vector q_1, for j = 1, 2, …: w = A q_j − β_{j−1} q_{j−1}; α_j = q_jᵀ w; w ← w − α_j q_j;
 * w ← w − Q_j(Q_jᵀ w) applied twice (classical Gram–Schmidt, "twice is enough"); β_j = ‖w‖;
 * q_{j+1} = w / β_j. T_m = tridiag(β, α, β) = S Θ Sᵀ gives Ritz values θ_i and Ritz vectors Q_m s_i.
 * β is taken after reorthogonalisation (as Google's spectral-density code does, not PyHessian).
 *
 * <p>Stopping rule: after step m, the run stops when each of the {@code topK} largest Ritz pairs has
 * β_m·|s_{m,i}| ≤ tolerance·|θ_i| (the residual ‖A y_i − θ_i y_i‖, available without a product),
 * when β_m ≤ 1e-12·max_j(|α_j|, β_j) (invariant subspace: the Ritz values are exact), or after
 * {@code maxSteps} (or N) steps.
 *
 * <p>All vectors and scalars are float64 even when A's products are computed in float32, so the
 * loss of orthogonality that produces ghost eigenvalues (Paige) cannot come from this side; a
 * float32 product still limits the attainable accuracy to about its own relative error.
 * Memory: the m Lanczos vectors take 8·m·N bytes.
 */
public final class LanczosSolver {

    private static final double BREAKDOWN = 1e-12;

    private final LanczosConfig config;

    public LanczosSolver(LanczosConfig config) {
        this.config = config;
    }

    /**
     * Bytes of float64 vector storage one run needs: the {@code steps} Lanczos vectors, the working
     * vector and the product, and {@code topK} Ritz vectors, each of length N (the operator's own
     * memory, e.g. a retained gradient graph, comes on top).
     */
    public static long memoryBytes(long dimension, int steps, int topK) {
        return 8L * dimension * (steps + 2L + topK);
    }

    /** Runs Lanczos from a seeded Rademacher start vector until the top-k Ritz pairs converge. */
    public LanczosResult solve(SymmetricOperator op) {
        double[] start = Vectors.rademacher(op.dimension(), new SplittableRandom(config.seed()));
        return solve(op, start);
    }

    /** Runs Lanczos from the given start vector (normalised here; must be non-zero). */
    public LanczosResult solve(SymmetricOperator op, double[] start) {
        return run(op, start, true);
    }

    /**
     * Runs exactly {@code maxSteps} steps (fewer only at an invariant subspace), ignoring the residual
     * rule; stochastic Lanczos quadrature needs the full T_m.
     */
    LanczosResult fixedSteps(SymmetricOperator op, double[] start) {
        return run(op, start, false);
    }

    private LanczosResult run(SymmetricOperator op, double[] start, boolean stopOnConvergence) {
        int n = op.dimension();
        Vectors.requireLength(start, n, "start vector");
        Vectors.requireFinite(start, "start vector");
        double startNorm = Vectors.norm(start);
        if (startNorm == 0.0) {
            throw new IllegalArgumentException("start vector must be non-zero");
        }
        int maxSteps = Math.min(config.maxSteps(), n);
        int k = Math.min(config.topK(), n);
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[maxSteps];
        double[] beta = new double[maxSteps];
        List<double[]> history = new ArrayList<>();
        double[] q = start.clone();
        Vectors.scale(1.0 / startNorm, q);
        double scale = 0.0;
        TridiagonalEigen eig = null;
        LanczosResult.StopReason reason = LanczosResult.StopReason.MAX_STEPS;
        int m = 0;
        while (m < maxSteps) {
            basis.add(q);
            double[] w = op.apply(q);
            Vectors.requireLength(w, n, "operator product at Lanczos step " + (m + 1));
            Vectors.requireFinite(w, "operator product at Lanczos step " + (m + 1));
            if (m > 0) {
                Vectors.axpy(-beta[m - 1], basis.get(m - 1), w);
            }
            alpha[m] = Vectors.dot(q, w);
            Vectors.axpy(-alpha[m], q, w);
            reorthogonalise(w, basis);
            reorthogonalise(w, basis);
            beta[m] = Vectors.norm(w);
            scale = Math.max(scale, Math.max(Math.abs(alpha[m]), beta[m]));
            m++;
            eig = TridiagonalEigen.of(alpha, beta, m);
            history.add(eig.values());
            if (beta[m - 1] <= BREAKDOWN * scale) {
                reason = LanczosResult.StopReason.INVARIANT_SUBSPACE;
                break;
            }
            if (stopOnConvergence && m >= k && topConverged(eig, beta[m - 1], k)) {
                reason = LanczosResult.StopReason.CONVERGED;
                break;
            }
            if (m < maxSteps) {
                q = w;
                Vectors.scale(1.0 / beta[m - 1], q);
            }
        }
        List<RitzPair> top = new ArrayList<>();
        for (int t = 0; t < Math.min(k, m); t++) {
            int i = m - 1 - t;
            double[] y = new double[n];
            for (int r = 0; r < m; r++) {
                Vectors.axpy(eig.vectorComponent(r, i), basis.get(r), y);
            }
            double residual = beta[m - 1] * Math.abs(eig.vectorComponent(m - 1, i));
            top.add(new RitzPair(eig.value(i), y, residual));
        }
        return new LanczosResult(List.copyOf(top), eig.values(), List.copyOf(history),
                Arrays.copyOf(alpha, m), Arrays.copyOf(beta, m), m, reason);
    }

    private boolean topConverged(TridiagonalEigen eig, double betaM, int k) {
        int m = eig.order();
        for (int t = 0; t < k; t++) {
            int i = m - 1 - t;
            double residual = betaM * Math.abs(eig.vectorComponent(m - 1, i));
            if (residual > config.tolerance() * Math.abs(eig.value(i))) {
                return false;
            }
        }
        return true;
    }

    private static void reorthogonalise(double[] w, List<double[]> basis) {
        double[] coefficients = new double[basis.size()];
        for (int i = 0; i < basis.size(); i++) {
            coefficients[i] = Vectors.dot(basis.get(i), w);
        }
        for (int i = 0; i < basis.size(); i++) {
            Vectors.axpy(-coefficients[i], basis.get(i), w);
        }
    }
}
