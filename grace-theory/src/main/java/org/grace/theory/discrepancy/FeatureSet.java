package org.grace.theory.discrepancy;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Labelled feature vectors of one domain (ID, OOD or adversarial images through the same encoder).
 *
 * <p>Validated on construction: at least one row, all rows of the same positive length, finite
 * entries, one non-negative label per row. Arrays are copied.
 *
 * @param name     domain name, used in error messages and reports
 * @param features n × D feature matrix
 * @param labels   class label of each row
 */
public record FeatureSet(String name, double[][] features, int[] labels) {

    public FeatureSet {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("feature set needs a name");
        }
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("feature set '" + name + "' is empty");
        }
        if (labels == null || labels.length != features.length) {
            throw new IllegalArgumentException("feature set '" + name + "' has " + features.length + " rows but "
                    + (labels == null ? "no" : String.valueOf(labels.length)) + " labels");
        }
        int d = features[0] == null ? 0 : features[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("feature set '" + name + "' has zero-dimensional features");
        }
        double[][] copy = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i] == null || features[i].length != d) {
                throw new IllegalArgumentException("feature set '" + name + "' row " + i + " has dimension "
                        + (features[i] == null ? "null" : features[i].length) + ", expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(features[i][j])) {
                    throw new IllegalArgumentException("feature set '" + name + "' has " + features[i][j]
                            + " at row " + i + ", column " + j);
                }
            }
            if (labels[i] < 0) {
                throw new IllegalArgumentException("feature set '" + name + "' row " + i + " has negative label " + labels[i]);
            }
            copy[i] = features[i].clone();
        }
        features = copy;
        labels = labels.clone();
    }

    /** A feature set where every row has label 0 (for label-free comparisons such as the proxy A-distance). */
    public static FeatureSet unlabelled(String name, double[][] features) {
        return new FeatureSet(name, features, new int[features == null ? 0 : features.length]);
    }

    public int size() {
        return features.length;
    }

    public int dimension() {
        return features[0].length;
    }

    /** Row indices per class label, labels ascending. */
    public SortedMap<Integer, int[]> rowsByClass() {
        SortedMap<Integer, Integer> counts = new TreeMap<>();
        for (int label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        SortedMap<Integer, int[]> rows = new TreeMap<>();
        SortedMap<Integer, Integer> filled = new TreeMap<>();
        counts.forEach((label, count) -> {
            rows.put(label, new int[count]);
            filled.put(label, 0);
        });
        for (int i = 0; i < labels.length; i++) {
            int at = filled.merge(labels[i], 1, Integer::sum) - 1;
            rows.get(labels[i])[at] = i;
        }
        return rows;
    }
}
