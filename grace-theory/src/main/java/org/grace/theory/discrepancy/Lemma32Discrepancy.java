package org.grace.theory.discrepancy;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The feature-space upper bound on the HΔH-divergence of the paper's Lemma 3.2.
 *
 * <p>Formula (paper summary, line 35, "Lemma 3.2"):
 * d_HΔH(D_s, D_t) ≤ 2 L_f Σ_c π_c ( ‖μ_s^c − μ_t^c‖² + √Tr((Σ_s^c − Σ_t^c)²) ),
 * where μ^c, Σ^c are the class-conditional feature mean and covariance of each domain and π_c the
 * class frequency. For symmetric matrices √Tr((A)²) = ‖A‖_F (theory.md §6).
 *
 * <p>Estimator, per class shared by both sets: μ̂ the sample mean, Σ̂ the unbiased sample covariance
 * (divisor n − 1, so at least 2 samples per class). The raw centroid term is biased upwards:
 * for independent samples E‖μ̂_s − μ̂_t‖² = ‖μ_s − μ_t‖² + tr(Σ_s)/n_s + tr(Σ_t)/n_t, because
 * μ̂_s − μ̂_t has mean μ_s − μ_t and covariance Σ_s/n_s + Σ_t/n_t, and E tr(Σ̂) = tr(Σ). Subtracting
 * tr(Σ̂_s)/n_s + tr(Σ̂_t)/n_t therefore gives an unbiased estimate of ‖μ_s − μ_t‖²; it is then
 * clamped at 0 (the positive part, which can only reduce the mean squared error of an estimate of
 * a non-negative quantity, and makes two identical sets score exactly 0). The covariance term is
 * not bias-corrected: with tens of samples per class in hundreds of dimensions it is dominated by
 * sampling noise, so {@link #splitHalfBaseline} reports the same statistic between two halves of one
 * domain as its noise floor. Classes present in only one set are left out and π renormalised
 * over the shared classes; they are listed in the result.
 */
public final class Lemma32Discrepancy {

    private final Lemma32Config config;

    public Lemma32Discrepancy(Lemma32Config config) {
        this.config = config;
    }

    /**
     * Evaluates the lemma between {@code source} and {@code target}.
     *
     * @throws IllegalArgumentException on mismatched feature dimensions, no shared class, or a shared
     *                                  class with fewer than two samples in either set
     */
    public Lemma32Result between(FeatureSet source, FeatureSet target) {
        if (source.dimension() != target.dimension()) {
            throw new IllegalArgumentException("feature dimension mismatch: '" + source.name() + "' has "
                    + source.dimension() + ", '" + target.name() + "' has " + target.dimension());
        }
        SortedMap<Integer, int[]> sRows = source.rowsByClass();
        SortedMap<Integer, int[]> tRows = target.rowsByClass();
        TreeSet<Integer> shared = new TreeSet<>(sRows.keySet());
        shared.retainAll(tRows.keySet());
        TreeSet<Integer> unmatched = new TreeSet<>(sRows.keySet());
        unmatched.addAll(tRows.keySet());
        unmatched.removeAll(shared);
        if (shared.isEmpty()) {
            throw new IllegalArgumentException("feature sets '" + source.name() + "' and '" + target.name()
                    + "' share no class label");
        }
        double totalWeight = 0.0;
        for (int label : shared) {
            totalWeight += weight(sRows.get(label).length, tRows.get(label).length);
        }
        List<ClassDiscrepancy> perClass = new ArrayList<>();
        double bracket = 0.0;
        for (int label : shared) {
            ClassMoments s = ClassMoments.of(source, label, sRows.get(label));
            ClassMoments t = ClassMoments.of(target, label, tRows.get(label));
            double distance = 0.0;
            for (int j = 0; j < s.mean.length; j++) {
                double diff = s.mean[j] - t.mean[j];
                distance += diff * diff;
            }
            double bias = s.trace / s.count + t.trace / t.count;
            double centroid = config.biasCorrection() ? Math.max(0.0, distance - bias) : distance;
            double covariance = ClassMoments.covarianceDistance(s, t);
            double pi = weight(s.count, t.count) / totalWeight;
            perClass.add(new ClassDiscrepancy(label, pi, distance, bias, centroid, covariance));
            bracket += pi * (centroid + covariance);
        }
        return new Lemma32Result(source.name(), target.name(), List.copyOf(perClass), bracket,
                2.0 * config.lipschitzConstant() * bracket, unmatched);
    }

    /**
     * The same statistic between two random halves of one domain (per class, seeded): what the
     * estimator reports when the true discrepancy is zero. Needs at least 4 samples per class.
     */
    public Lemma32Result splitHalfBaseline(FeatureSet set, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> aRows = new ArrayList<>();
        List<Integer> aLabels = new ArrayList<>();
        List<double[]> bRows = new ArrayList<>();
        List<Integer> bLabels = new ArrayList<>();
        for (var entry : set.rowsByClass().entrySet()) {
            int[] rows = entry.getValue().clone();
            if (rows.length < 4) {
                throw new IllegalArgumentException("class " + entry.getKey() + " of feature set '" + set.name()
                        + "' has " + rows.length + " samples; a split-half baseline needs at least 4");
            }
            for (int i = rows.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = rows[i];
                rows[i] = rows[j];
                rows[j] = tmp;
            }
            for (int i = 0; i < rows.length; i++) {
                (i < rows.length / 2 ? aRows : bRows).add(set.features()[rows[i]]);
                (i < rows.length / 2 ? aLabels : bLabels).add(entry.getKey());
            }
        }
        FeatureSet a = new FeatureSet(set.name() + "[half A]", aRows.toArray(double[][]::new),
                aLabels.stream().mapToInt(Integer::intValue).toArray());
        FeatureSet b = new FeatureSet(set.name() + "[half B]", bRows.toArray(double[][]::new),
                bLabels.stream().mapToInt(Integer::intValue).toArray());
        return between(a, b);
    }

    private double weight(int sourceCount, int targetCount) {
        return config.weighting() == Lemma32Config.ClassWeighting.POOLED ? sourceCount + targetCount : sourceCount;
    }
}
