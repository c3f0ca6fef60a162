package org.grace.theory.discrepancy;

import java.util.SplittableRandom;

/** Seeded Gaussian class-conditional features for the discrepancy tests. */
final class Features {

    private Features() {
    }

    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }

    /** perClass samples of each of {@code classes} classes in d dimensions; class c has mean c·e_(c mod d). */
    static FeatureSet gaussianClasses(String name, int classes, int perClass, int d, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[classes * perClass][d];
        int[] y = new int[classes * perClass];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                int row = c * perClass + i;
                y[row] = c;
                for (int j = 0; j < d; j++) {
                    x[row][j] = gaussian(random) + (j == c % d ? c : 0.0) + shift;
                }
            }
        }
        return new FeatureSet(name, x, y);
    }

    /** The same rows with {@code delta} added to every coordinate. */
    static FeatureSet shifted(FeatureSet set, double delta) {
        double[][] x = new double[set.size()][];
        for (int i = 0; i < set.size(); i++) {
            x[i] = set.features()[i].clone();
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] += delta;
            }
        }
        return new FeatureSet(set.name() + "+" + delta, x, set.labels());
    }
}
