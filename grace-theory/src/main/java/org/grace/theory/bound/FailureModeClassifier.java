package org.grace.theory.bound;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the bound term each method leaves large, to set beside the paper's predictions.
 *
 * <p>Rule: all methods' terms must be evaluated at one common σ (at each method's own optimal σ,
 * terms (A) and (B) are equal by construction, see {@link PacBayesBound}). For each term k ∈ {A, B, C}
 * and method m, excess_k(m) = term_k(m) − min_m' term_k(m'), the amount by which m leaves term k
 * larger than the best method does; all terms are in risk units, so excesses are comparable. The
 * dominant term is the one with the largest excess, unless that excess is at most
 * {@code relativeThreshold}·total(m), in which case the method leaves no term large. Comparing
 * against the best method, rather than reading each term's absolute size, follows the paper's own
 * framing: a failure is a term the method does not control while another method does.
 */
public final class FailureModeClassifier {

    private final double relativeThreshold;

    /** @param relativeThreshold excess below this fraction of a method's bound counts as no failure (in [0, 1)) */
    public FailureModeClassifier(double relativeThreshold) {
        if (!(relativeThreshold >= 0.0 && relativeThreshold < 1.0)) {
            throw new IllegalArgumentException("relativeThreshold must be in [0, 1), got " + relativeThreshold);
        }
        this.relativeThreshold = relativeThreshold;
    }

    /**
     * @param rows        each method's terms, all at the same σ
     * @param predictions the paper's predictions by method name (may lack some methods)
     * @throws IllegalArgumentException if the rows are empty or use different σ
     */
    public List<FailureMode> classify(List<PacBayesTerms> rows, Map<String, PaperPrediction> predictions) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no methods to classify");
        }
        double sigma = rows.get(0).sigma();
        for (PacBayesTerms row : rows) {
            if (Math.abs(row.sigma() - sigma) > 1e-12 * sigma) {
                throw new IllegalArgumentException("all methods must be evaluated at one σ: '" + rows.get(0).method()
                        + "' has " + sigma + ", '" + row.method() + "' has " + row.sigma());
            }
        }
        Map<BoundTerm, Double> best = new EnumMap<>(BoundTerm.class);
        for (BoundTerm term : BoundTerm.values()) {
            best.put(term, rows.stream().mapToDouble(r -> r.term(term)).min().orElseThrow());
        }
        List<FailureMode> out = new ArrayList<>();
        for (PacBayesTerms row : rows) {
            Map<BoundTerm, Double> excess = new EnumMap<>(BoundTerm.class);
            BoundTerm largest = null;
            for (BoundTerm term : BoundTerm.values()) {
                double e = row.term(term) - best.get(term);
                excess.put(term, e);
                if (largest == null || e > excess.get(largest)) {
                    largest = term;
                }
            }
            Optional<BoundTerm> dominant = excess.get(largest) > relativeThreshold * row.total()
                    ? Optional.of(largest) : Optional.empty();
            out.add(new FailureMode(row, Map.copyOf(excess), dominant, Optional.ofNullable(predictions.get(row.method()))));
        }
        return List.copyOf(out);
    }

    /** A Markdown table: method, σ, each term, bound, measured dominant term, predicted term, agreement. */
    public static String toMarkdown(List<FailureMode> modes) {
        StringBuilder sb = new StringBuilder();
        sb.append("| method | σ | R̂ | (A) proximity | (B) sharpness | (C) discrepancy | bound | leaves large | paper predicts | agrees |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (FailureMode m : modes) {
            PacBayesTerms t = m.terms();
            sb.append(String.format(java.util.Locale.ROOT, "| %s | %.3g | %.4g | %.4g | %.4g | %.4g | %.4g | %s | %s | %s |%n",
                    t.method(), t.sigma(), t.empiricalRisk(), t.proximity(), t.sharpness(), t.discrepancy(), t.total(),
                    m.dominant().map(Enum::name).orElse("none"),
                    m.prediction().map(p -> p.predicted().map(Enum::name).orElse("none") + " (" + p.basis() + ")").orElse("—"),
                    m.agreesWithPaper().map(a -> a ? "yes" : "no").orElse("—")));
        }
        return sb.toString();
    }
}
