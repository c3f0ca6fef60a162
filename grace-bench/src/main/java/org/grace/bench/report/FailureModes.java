package org.grace.bench.report;

import org.grace.theory.bound.FailureMode;
import org.grace.theory.bound.FailureModeClassifier;
import org.grace.theory.bound.PacBayesTerms;
import org.grace.theory.bound.PaperPrediction;
import org.grace.theory.bound.PaperPredictions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Which bound term each method leaves large, from the {@code theory} records, set beside the
 * paper's predictions ({@link PaperPredictions}), using grace-theory's {@link FailureModeClassifier}.
 *
 * <p>The classifier compares methods at one posterior width σ. Each record carries its terms at its
 * own σ_m ({@code bound_sigma}); since (A) = a/σ² and (B) = b·σ² with a = A_m·σ_m² and
 * b = B_m/σ_m², every method is moved to the σ* minimising Σ_m (a_m/σ² + b_m·σ²), σ*² =
 * √(Σa/Σb), exactly as grace-theory's {@code PacBayesBound.atCommonSigma} chooses it. The terms that
 * do not depend on σ (λ* and the confidence term) are carried over as
 * {@code bound_total − R̂ − A − B − C}.
 */
public final class FailureModes {

    /** An excess at most this fraction of a method's bound counts as "no term left large". */
    public static final double RELATIVE_THRESHOLD = 0.05;

    private FailureModes() {
    }

    /** The classification of the methods' mean terms (over seeds); empty if no method has the terms. */
    public static List<FailureMode> ofMeans(RunIndex runs) {
        List<PacBayesTerms> rows = new ArrayList<>();
        for (String m : runs.methods()) {
            termsOf(m, q -> runs.estimate(m, q).map(MeanCi::mean)).ifPresent(rows::add);
        }
        return classify(rows);
    }

    /** Per seed: the classification of the methods measured at that seed. */
    public static Map<Integer, List<FailureMode>> perSeed(RunIndex runs) {
        Map<Integer, List<FailureMode>> out = new LinkedHashMap<>();
        for (int seed : runs.seeds()) {
            List<PacBayesTerms> rows = new ArrayList<>();
            for (String m : runs.methods()) {
                SeedRun run = runs.runs(m).get(seed);
                if (run != null) {
                    termsOf(m, q -> box(q.of(run))).ifPresent(rows::add);
                }
            }
            if (!rows.isEmpty()) {
                out.put(seed, classify(rows));
            }
        }
        return out;
    }

    /** The paper's predictions (grace-theory's data). */
    public static Map<String, PaperPrediction> predictions() {
        return PaperPredictions.load();
    }

    private static List<FailureMode> classify(List<PacBayesTerms> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return new FailureModeClassifier(RELATIVE_THRESHOLD).classify(atCommonSigma(rows), predictions());
    }

    /** Moves every row to the σ* that minimises the sum of their σ-dependent terms. */
    static List<PacBayesTerms> atCommonSigma(List<PacBayesTerms> rows) {
        double sumA = 0;
        double sumB = 0;
        for (PacBayesTerms t : rows) {
            sumA += t.proximity() * t.sigma() * t.sigma();
            sumB += t.sharpness() / (t.sigma() * t.sigma());
        }
        double sigma = sumA > 0 && sumB > 0 ? Math.pow(sumA / sumB, 0.25) : rows.get(0).sigma();
        List<PacBayesTerms> out = new ArrayList<>();
        for (PacBayesTerms t : rows) {
            double s2 = t.sigma() * t.sigma();
            double scale = s2 / (sigma * sigma);
            out.add(new PacBayesTerms(t.method(), sigma, t.empiricalRisk(), t.proximity() * scale, t.sharpness() / scale,
                    t.discrepancy(), t.lambdaStar(), t.confidence()));
        }
        return out;
    }

    private static Optional<PacBayesTerms> termsOf(String method, Function<Quantity, Optional<Double>> value) {
        Optional<Double> risk = value.apply(Quantity.BOUND_RISK);
        Optional<Double> prior = value.apply(Quantity.BOUND_PRIOR);
        Optional<Double> sharp = value.apply(Quantity.BOUND_SHARPNESS);
        Optional<Double> disc = value.apply(Quantity.BOUND_DISCREPANCY);
        Optional<Double> total = value.apply(Quantity.BOUND_TOTAL);
        Optional<Double> sigma = value.apply(Quantity.BOUND_SIGMA);
        if (risk.isEmpty() || prior.isEmpty() || sharp.isEmpty() || disc.isEmpty() || sigma.isEmpty() || !(sigma.get() > 0)) {
            return Optional.empty();
        }
        double rest = total.map(t -> t - risk.get() - prior.get() - sharp.get() - disc.get()).orElse(0.0);
        return Optional.of(new PacBayesTerms(method, sigma.get(), risk.get(), prior.get(), sharp.get(), disc.get(),
                Math.max(0.0, rest), 0.0));
    }

    private static Optional<Double> box(OptionalDouble v) {
        return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }
}
