package org.grace.model.data.synth;

/**
 * Where an arrow points; the orientation transfer task's classes and the captions' "pointing ..."
 * phrase. {@link #radians()} is the rotation applied to the upward-pointing {@link Shape#ARROW}
 * (image coordinates, clockwise positive).
 */
public enum Direction {
    UP("up", 0.0),
    RIGHT("right", StrictMath.PI / 2),
    DOWN("down", StrictMath.PI),
    LEFT("left", 3 * StrictMath.PI / 2);

    private final String word;
    private final double radians;

    Direction(String word, double radians) {
        this.word = word;
        this.radians = radians;
    }

    /** Caption word and class name. */
    public String word() {
        return word;
    }

    /** Rotation of the upward arrow that makes it point this way. */
    public double radians() {
        return radians;
    }
}
