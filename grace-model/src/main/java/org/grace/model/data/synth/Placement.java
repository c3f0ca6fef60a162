package org.grace.model.data.synth;

/**
 * Where a single object sits in the frame, with its centre as fractions of the image side; the
 * position transfer task's classes (class names are the caption phrases, e.g. "on the left").
 */
public enum Placement {
    MIDDLE("in the middle", 0.5, 0.5),
    LEFT("on the left", 0.26, 0.5),
    RIGHT("on the right", 0.74, 0.5),
    TOP("at the top", 0.5, 0.26),
    BOTTOM("at the bottom", 0.5, 0.74);

    private final String phrase;
    private final double x;
    private final double y;

    Placement(String phrase, double x, double y) {
        this.phrase = phrase;
        this.x = x;
        this.y = y;
    }

    /** Caption phrase and class name. */
    public String phrase() {
        return phrase;
    }

    /** Centre x as a fraction of the image side. */
    public double x() {
        return x;
    }

    /** Centre y as a fraction of the image side (down is positive). */
    public double y() {
        return y;
    }
}
