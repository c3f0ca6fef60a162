package org.grace.model.data.synth;

/**
 * Object size bands, as the object's radius in units of the image side; the size transfer task's
 * classes and caption words. The bands do not overlap, so a size word is never ambiguous.
 */
public enum SizeClass {
    SMALL("small", 0.12, 0.17),
    MEDIUM("medium", 0.22, 0.29),
    LARGE("large", 0.36, 0.44);

    private final String word;
    private final double minRadius;
    private final double maxRadius;

    SizeClass(String word, double minRadius, double maxRadius) {
        this.word = word;
        this.minRadius = minRadius;
        this.maxRadius = maxRadius;
    }

    /** Caption word and class name. */
    public String word() {
        return word;
    }

    /** Smallest radius of the band, as a fraction of the image side. */
    public double minRadius() {
        return minRadius;
    }

    /** Largest radius of the band, as a fraction of the image side. */
    public double maxRadius() {
        return maxRadius;
    }
}
