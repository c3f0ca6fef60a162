package org.grace.model.data.synth;

/**
 * Scene backgrounds, painted procedurally by {@link BackgroundPainter}; the background transfer
 * task's classes and the captions' "on a ... background" phrase.
 */
public enum Background {
    WHITE("white"),
    BLACK("black"),
    GRASS("grass"),
    SKY("sky"),
    SAND("sand"),
    BRICK("brick");

    private final String word;

    Background(String word) {
        this.word = word;
    }

    /** Caption word and class name. */
    public String word() {
        return word;
    }
}
