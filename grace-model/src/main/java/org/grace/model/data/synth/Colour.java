package org.grace.model.data.synth;

/**
 * Named object colours (sRGB in {@code [0,1]}); the colour transfer task's classes and the colour
 * words of the captions.
 */
public enum Colour {
    RED("red", 0.86f, 0.12f, 0.12f),
    GREEN("green", 0.15f, 0.68f, 0.20f),
    BLUE("blue", 0.13f, 0.28f, 0.88f),
    YELLOW("yellow", 0.96f, 0.86f, 0.10f),
    ORANGE("orange", 0.97f, 0.52f, 0.08f),
    PURPLE("purple", 0.55f, 0.18f, 0.72f),
    PINK("pink", 0.98f, 0.50f, 0.75f),
    CYAN("cyan", 0.10f, 0.82f, 0.85f);

    private final String word;
    private final float r;
    private final float g;
    private final float b;

    Colour(String word, float r, float g, float b) {
        this.word = word;
        this.r = r;
        this.g = g;
        this.b = b;
    }

    /** Caption word and class name. */
    public String word() {
        return word;
    }

    /** The colour as {@code {r, g, b}}. */
    public float[] rgb() {
        return new float[] {r, g, b};
    }
}
