package org.grace.model.data.synth;

import java.util.HashSet;
import java.util.List;

/**
 * Configuration of one embedded world. Two worlds with equal configs produce identical images.
 *
 * @param seed              world seed; every image is seeded from (seed, split stream, index)
 * @param imageSize         image side in pixels (multiple of 4, at least 16; default 32)
 * @param supersample       canvas pixels per output pixel per axis (anti-aliasing; default 3)
 * @param sizes             split sizes
 * @param renditionSubset   ID class indices kept by the R analogue (its logit mask), ascending
 * @param adversarialSubset ID class indices kept by the A and A-Plus analogues, ascending
 * @param reference         reference-classifier settings for the adversarial filtration
 * @param maxCandidates     give up (with an exception) if filtration needs more candidates than
 *                          this many per requested image
 */
public record SynthWorldConfig(long seed, int imageSize, int supersample, SplitSizes sizes,
                               List<Integer> renditionSubset, List<Integer> adversarialSubset,
                               ReferenceClassifierConfig reference, int maxCandidates) {

    /** R analogue: all ID classes but ring and crescent (ImageNet-R also keeps a subset). */
    public static final List<Integer> DEFAULT_RENDITION_SUBSET = List.of(0, 1, 2, 3, 4, 6, 7, 9);
    /** A analogue: all ID classes but square and hexagon. */
    public static final List<Integer> DEFAULT_ADVERSARIAL_SUBSET = List.of(0, 2, 3, 4, 5, 6, 7, 8);

    public SynthWorldConfig {
        if (imageSize < 16 || imageSize % 4 != 0) {
            throw new IllegalArgumentException("imageSize must be a multiple of 4 and >= 16, got " + imageSize);
        }
        if (supersample < 1 || supersample > 8) {
            throw new IllegalArgumentException("supersample must be in [1, 8], got " + supersample);
        }
        if (sizes == null || reference == null) {
            throw new IllegalArgumentException("sizes and reference must not be null");
        }
        renditionSubset = checkedSubset("renditionSubset", renditionSubset);
        adversarialSubset = checkedSubset("adversarialSubset", adversarialSubset);
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be >= 1, got " + maxCandidates);
        }
    }

    /** Default world: 32×32 images, 3× supersampling, default sizes and subsets. */
    public static SynthWorldConfig defaults(long seed) {
        return new SynthWorldConfig(seed, 32, 3, SplitSizes.defaults(), DEFAULT_RENDITION_SUBSET,
                DEFAULT_ADVERSARIAL_SUBSET, ReferenceClassifierConfig.defaults(), 400);
    }

    /** This config with other split sizes. */
    public SynthWorldConfig withSizes(SplitSizes newSizes) {
        return new SynthWorldConfig(seed, imageSize, supersample, newSizes, renditionSubset, adversarialSubset,
                reference, maxCandidates);
    }

    private static List<Integer> checkedSubset(String name, List<Integer> subset) {
        if (subset == null || subset.size() < 2) {
            throw new IllegalArgumentException(name + " must list at least 2 classes, got " + subset);
        }
        int idClasses = SceneSampler.idShapes().length;
        HashSet<Integer> seen = new HashSet<>();
        int previous = -1;
        for (Integer c : subset) {
            if (c == null || c < 0 || c >= idClasses || c <= previous || !seen.add(c)) {
                throw new IllegalArgumentException(name + " must be ascending distinct class indices in [0, "
                        + idClasses + "), got " + subset);
            }
            previous = c;
        }
        return List.copyOf(subset);
    }
}
