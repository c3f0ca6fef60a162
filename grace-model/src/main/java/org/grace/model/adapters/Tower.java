package org.grace.model.adapters;

/** The two towers of CLIP, with the module prefix they carry in Hugging Face checkpoints. */
public enum Tower {
    VISION("vision_model"),
    TEXT("text_model");

    private final String hfPrefix;

    Tower(String hfPrefix) {
        this.hfPrefix = hfPrefix;
    }

    /** Prefix of this tower's parameter names in HF {@code CLIPModel} checkpoints. */
    public String hfPrefix() {
        return hfPrefix;
    }
}
