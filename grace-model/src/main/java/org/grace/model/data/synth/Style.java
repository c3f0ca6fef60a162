package org.grace.model.data.synth;

import java.util.List;

/**
 * How a scene is drawn. PHOTO is the ID style (shaded, textured, on a painted background);
 * SKETCH mirrors ImageNet-Sketch (greyscale outline on paper); CARTOON, FLAT_PAINT, PIXEL_ART and
 * INVERTED are the renditions of the ImageNet-R analogue; SILHOUETTE and BLUEPRINT appear only in
 * the pretraining corpus, so pretraining sees more styles than any evaluation split.
 */
public enum Style {
    PHOTO(List.of("a photo of", "an image of", "a picture of")),
    SKETCH(List.of("a sketch of", "a drawing of", "a pencil sketch of")),
    CARTOON(List.of("a cartoon of", "a rendition of", "a cartoon drawing of")),
    FLAT_PAINT(List.of("a painting of", "a rendition of", "a flat painting of")),
    PIXEL_ART(List.of("pixel art of", "a rendition of", "a pixelated image of")),
    INVERTED(List.of("an inverted photo of", "a rendition of", "an inverted image of")),
    SILHOUETTE(List.of("a silhouette of", "a black silhouette of")),
    BLUEPRINT(List.of("a blueprint of", "a blueprint drawing of"));

    private final List<String> captionPrefixes;

    Style(List<String> captionPrefixes) {
        this.captionPrefixes = captionPrefixes;
    }

    /** Phrases that open a caption of this style ("a sketch of"). */
    public List<String> captionPrefixes() {
        return captionPrefixes;
    }

    /** The rendition styles of the ImageNet-R analogue. */
    public static List<Style> renditions() {
        return List.of(CARTOON, FLAT_PAINT, PIXEL_ART, INVERTED);
    }

    /** True for styles whose colours are meaningless (outline and silhouette styles). */
    public boolean dropsColour() {
        return this == SKETCH || this == SILHOUETTE || this == BLUEPRINT;
    }
}
