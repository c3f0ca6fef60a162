package org.grace.theory.bound;

import java.util.Optional;

/**
 * The paper's prediction of which bound term a method leaves large.
 *
 * @param method    registry name
 * @param predicted the term, or empty for "none" (the method controls all three)
 * @param basis     "stated" (the summary says so) or "inferred" (read off its tables by us)
 * @param evidence  the quotation or table values it rests on
 */
public record PaperPrediction(String method, Optional<BoundTerm> predicted, String basis, String evidence) {
}
