package org.grace.theory.bound;

import java.util.Map;
import java.util.Optional;

/**
 * One row of the failure-mode table: which term a method leaves large, beside the paper's prediction.
 *
 * @param terms      the method's bound terms (at the σ shared by all rows)
 * @param excess     per term, how much larger it is than the best method's value of that term
 * @param dominant   the term with the largest excess, or empty if no excess exceeds the threshold
 * @param prediction the paper's prediction, if it makes one for this method
 */
public record FailureMode(PacBayesTerms terms, Map<BoundTerm, Double> excess, Optional<BoundTerm> dominant,
                          Optional<PaperPrediction> prediction) {

    /** Whether the measured dominant term equals the predicted one; empty when there is no prediction. */
    public Optional<Boolean> agreesWithPaper() {
        return prediction.map(p -> p.predicted().equals(dominant));
    }
}
