package org.grace.theory.bound;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Numerical evaluation of the paper's Robust PAC-Bayes bound (Theorem 3.1, paper summary line 17):
 *
 * <pre>
 * R_Rob(θ) ≤ R̂_ID(θ) + ‖θ − θ0‖²/(2nσ²) + (σ²/2)·Tr(E[∇²_θ R_Rob]) + max_{s,t∈S} d_HΔH(D_s, D_t) + λ* + ln(1/δ)/n [+ ln(G)/n]
 * </pre>
 *
 * with S = {ID, OOD, Adv}. The proximity term is KL(N(θ, σ²I) ‖ N(θ0, σ²I))/n (theory.md §5); the
 * sharpness term is the second-order Taylor expansion of E_ε R(θ + ε), ε ~ N(0, σ²I) (valid while
 * σ√d·‖H‖ is small). Departures, all in {@link PacBayesConfig}: the confidence term ln(1/δ)/n,
 * which the summary omits (δ = 1 removes it); λ* as an input; and, for a grid search over G values
 * of σ, a union-bound cost ln(G)/n.
 *
 * <p>σ: the two σ-dependent terms a/σ² + bσ² (a = ‖Δ‖²/(2n), b = Tr/2) are minimised at
 * σ*² = √(a/b) = ‖Δ‖/√(n·Tr) where they sum to 2√(ab) = ‖Δ‖·√(Tr/n) (theory.md §5);
 * {@link #closedFormSigma} gives that value, and the search (golden section on ln σ or a log grid,
 * {@link PacBayesConfig.SigmaSearch}) is restricted to [σ_min, σ_max].
 */
public final class PacBayesBound {

    private static final double GOLDEN = (Math.sqrt(5.0) - 1.0) / 2.0;

    private final PacBayesConfig config;

    public PacBayesBound(PacBayesConfig config) {
        this.config = config;
    }

    /** All terms at a given σ. */
    public PacBayesTerms at(BoundInputs in, double sigma) {
        if (!(sigma > 0.0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
        }
        double n = in.sampleCount();
        double confidence = Math.log(1.0 / config.delta()) / n;
        if (config.search() == PacBayesConfig.SigmaSearch.GRID) {
            confidence += Math.log(config.gridSize()) / n;
        }
        return new PacBayesTerms(in.method(), sigma, in.empiricalRisk(), in.squaredDrift() / (2.0 * n * sigma * sigma),
                0.5 * sigma * sigma * in.hessianTrace(), in.discrepancy(), config.lambdaStar(), confidence);
    }

    /**
     * The terms at the σ that minimises this method's bound. Only (A) + (B) depend on σ, so only they
     * are searched: adding the constant terms would flatten the objective relative to rounding and
     * blur the minimiser.
     */
    public PacBayesTerms minimise(BoundInputs in) {
        return at(in, search(sigma -> sigmaDependent(at(in, sigma))));
    }

    /**
     * The single σ minimising the sum of the bounds of all methods, and every method's terms there.
     * Comparing methods at one σ keeps (A) and (B) apart: at each method's own optimum they are equal.
     */
    public List<PacBayesTerms> atCommonSigma(List<BoundInputs> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no methods given");
        }
        double sigma = search(s -> methods.stream().mapToDouble(in -> sigmaDependent(at(in, s))).sum());
        List<PacBayesTerms> out = new ArrayList<>();
        for (BoundInputs in : methods) {
            out.add(at(in, sigma));
        }
        return List.copyOf(out);
    }

    /** σ* = (‖Δ‖² / (n·Tr))^{1/4}, the unconstrained minimiser; infinite if Tr = 0, 0 if ‖Δ‖ = 0. */
    public static double closedFormSigma(BoundInputs in) {
        return Math.pow(in.squaredDrift() / (in.sampleCount() * in.hessianTrace()), 0.25);
    }

    private static double sigmaDependent(PacBayesTerms terms) {
        return terms.proximity() + terms.sharpness();
    }

    private double search(DoubleUnaryOperator bound) {
        double lo = Math.log(config.sigmaMin());
        double hi = Math.log(config.sigmaMax());
        if (config.search() == PacBayesConfig.SigmaSearch.GRID) {
            double best = lo;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int g = 0; g < config.gridSize(); g++) {
                double s = lo + (hi - lo) * g / (config.gridSize() - 1);
                double value = bound.applyAsDouble(Math.exp(s));
                if (value < bestValue) {
                    bestValue = value;
                    best = s;
                }
            }
            return Math.exp(best);
        }
        double a = lo;
        double b = hi;
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = bound.applyAsDouble(Math.exp(c));
        double fd = bound.applyAsDouble(Math.exp(d));
        while (b - a > 1e-10) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = bound.applyAsDouble(Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = bound.applyAsDouble(Math.exp(d));
            }
        }
        return Math.exp(0.5 * (a + b));
    }
}
