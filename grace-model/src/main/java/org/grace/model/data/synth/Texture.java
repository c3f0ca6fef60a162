package org.grace.model.data.synth;

/** Surface patterns of an object; the texture transfer task's classes and caption words. */
public enum Texture {
    PLAIN("plain"),
    STRIPED("striped"),
    DOTTED("dotted"),
    CHECKERED("checkered"),
    NOISY("speckled");

    private final String word;

    Texture(String word) {
        this.word = word;
    }

    /** Caption word and class name. */
    public String word() {
        return word;
    }
}
