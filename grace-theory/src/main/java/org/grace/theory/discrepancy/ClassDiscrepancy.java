package org.grace.theory.discrepancy;

/**
 * One class's contribution to Lemma 3.2.
 *
 * @param label            the class
 * @param weight           π_c
 * @param centroidDistance ‖μ̂_s − μ̂_t‖² (raw)
 * @param centroidBias     tr(Σ̂_s)/n_s + tr(Σ̂_t)/n_t, the expected value of the raw term when μ_s = μ_t
 * @param centroidTerm     the centroid term used: max(0, raw − bias) with bias correction, raw without
 * @param covarianceTerm   ‖Σ̂_s − Σ̂_t‖_F = √Tr((Σ̂_s − Σ̂_t)²)
 */
public record ClassDiscrepancy(int label, double weight, double centroidDistance, double centroidBias,
                               double centroidTerm, double covarianceTerm) {

    /** centroidTerm + covarianceTerm. */
    public double total() {
        return centroidTerm + covarianceTerm;
    }
}
