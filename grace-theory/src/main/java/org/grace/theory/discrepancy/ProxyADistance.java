package org.grace.theory.discrepancy;

import java.util.SplittableRandom;

/**
 * Proxy A-distance between two feature sets (Ben-David et al. NIPS 2007; Ganin et al. JMLR 2016;
 * theory.md §6): d̂_A = 2(1 − 2ε), ε the held-out error of a linear classifier trained to tell the
 * two domains apart.
 *
 * <p>Procedure: both sets are subsampled (seeded) to the size m of the smaller one so the classes
 * are balanced and chance error is 0.5; each is shuffled and split in halves; an L2 logistic
 * regression ({@link LogisticRegression}) is trained on the first halves and ε measured on the
 * second halves. ε above 0.5 (a classifier worse than chance on held-out data) is clamped to 0.5,
 * so d̂_A ∈ [0, 2]; flipping its predictions would use the test labels. Labels of the feature sets
 * are ignored.
 */
public final class ProxyADistance {

    private final ProxyAConfig config;

    public ProxyADistance(ProxyAConfig config) {
        this.config = config;
    }

    /**
     * @throws IllegalArgumentException on mismatched dimensions or fewer than 2 rows in a set
     */
    public ProxyAResult between(FeatureSet source, FeatureSet target) {
        if (source.dimension() != target.dimension()) {
            throw new IllegalArgumentException("feature dimension mismatch: '" + source.name() + "' has "
                    + source.dimension() + ", '" + target.name() + "' has " + target.dimension());
        }
        int m = Math.min(source.size(), target.size());
        if (m < 2) {
            throw new IllegalArgumentException("the proxy A-distance needs at least 2 rows per domain to split into "
                    + "train and test; '" + (source.size() < 2 ? source.name() : target.name()) + "' has " + m);
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        int[] s = sample(source.size(), m, random);
        int[] t = sample(target.size(), m, random);
        int trainPerDomain = m / 2;
        int testPerDomain = m - trainPerDomain;
        double[][] trainX = new double[2 * trainPerDomain][];
        boolean[] trainY = new boolean[2 * trainPerDomain];
        for (int i = 0; i < trainPerDomain; i++) {
            trainX[2 * i] = source.features()[s[i]];
            trainX[2 * i + 1] = target.features()[t[i]];
            trainY[2 * i + 1] = true;
        }
        LogisticRegression classifier = LogisticRegression.fit(trainX, trainY, config.l2Penalty());
        int errors = 0;
        for (int i = trainPerDomain; i < m; i++) {
            errors += classifier.predict(source.features()[s[i]]) ? 1 : 0;
            errors += classifier.predict(target.features()[t[i]]) ? 0 : 1;
        }
        double error = errors / (2.0 * testPerDomain);
        double distance = 2.0 * (1.0 - 2.0 * Math.min(error, 0.5));
        return new ProxyAResult(source.name(), target.name(), distance, error, 2 * trainPerDomain, 2 * testPerDomain);
    }

    /** The first m entries of a seeded Fisher–Yates shuffle of 0 … n−1. */
    private static int[] sample(int n, int m, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] out = new int[m];
        System.arraycopy(order, 0, out, 0, m);
        return out;
    }
}
