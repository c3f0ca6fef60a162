package org.grace.model.data.synth;

import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Adversarial filtration, as ImageNet-A was built: walk a stream of hard candidates and keep those
 * a fixed reference classifier gets wrong, until the split is full.
 *
 * <p>Candidate {@code s} belongs to class {@code s mod m} (m = classes of the split); each class
 * has a quota ({@code target / m}, the first {@code target mod m} classes one more), so the
 * filtered split is class-balanced. Candidates are judged in parallel blocks, but accepted in
 * stream order, so the result is the same for any thread count.
 *
 * @param accepted       accepted candidate indices, ascending
 * @param candidatesSeen candidates judged before the split was full
 */
public record AdversarialFiltration(int[] accepted, int candidatesSeen) {

    private static final int BLOCK = 256;

    /** Fraction of judged candidates that were kept (quota-limited rejections count as judged). */
    public double acceptanceRate() {
        return (double) accepted.length / candidatesSeen;
    }

    /**
     * Filters the candidate stream.
     *
     * @param target        split size
     * @param classes       number of classes in the split
     * @param fooled        whether candidate {@code s} fools the reference classifier(s)
     * @param maxCandidates give up beyond this many candidates
     * @param splitName     named in the error when the stream is exhausted
     * @throws IllegalStateException if fewer than {@code target} candidates are kept within
     *                               {@code maxCandidates}
     */
    public static AdversarialFiltration run(int target, int classes, IntPredicate fooled, long maxCandidates,
                                            String splitName) {
        int[] quota = new int[classes];
        for (int c = 0; c < classes; c++) {
            quota[c] = target / classes + (c < target % classes ? 1 : 0);
        }
        int[] accepted = new int[target];
        int count = 0;
        int next = 0;
        while (count < target) {
            if (next >= maxCandidates) {
                throw new IllegalStateException("adversarial filtration of " + splitName + " kept only " + count
                        + " of " + target + " images after " + next + " candidates; raise maxCandidates or make"
                        + " the candidates harder");
            }
            int from = next;
            boolean[] judged = new boolean[BLOCK];
            IntStream.range(0, BLOCK).parallel().forEach(k -> {
                int s = from + k;
                judged[k] = quota[s % classes] > 0 && fooled.test(s);
            });
            for (int k = 0; k < BLOCK && count < target; k++) {
                int s = from + k;
                next = s + 1;
                if (judged[k] && quota[s % classes] > 0) {
                    quota[s % classes]--;
                    accepted[count++] = s;
                }
            }
        }
        return new AdversarialFiltration(accepted, next);
    }
}
