package org.grace.theory.discrepancy;

import java.util.List;
import java.util.Set;

/**
 * Lemma 3.2 evaluated between two feature sets.
 *
 * @param source           name of D_s
 * @param target           name of D_t
 * @param perClass         each shared class's terms, labels ascending
 * @param bracket          Σ_c π_c (centroid term + covariance term)
 * @param bound            2 L_f · bracket, the upper bound on d_HΔH(D_s, D_t)
 * @param unmatchedClasses classes present in only one of the two sets (left out; π renormalised)
 */
public record Lemma32Result(String source, String target, List<ClassDiscrepancy> perClass, double bracket,
                            double bound, Set<Integer> unmatchedClasses) {

    /** Σ_c π_c · centroid term. */
    public double centroidPart() {
        return perClass.stream().mapToDouble(c -> c.weight() * c.centroidTerm()).sum();
    }

    /** Σ_c π_c · covariance term. */
    public double covariancePart() {
        return perClass.stream().mapToDouble(c -> c.weight() * c.covarianceTerm()).sum();
    }
}
