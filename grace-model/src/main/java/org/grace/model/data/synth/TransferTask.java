package org.grace.model.data.synth;

/**
 * The eight zero-shot transfer tasks of the embedded world, mirroring the paper's eight extra
 * zero-shot datasets: each asks about one attribute the pretraining captions talk about. Class
 * names and templates are resource files ({@code transfer/<id>.classnames.txt},
 * {@code transfer/<id>.templates.txt}); {@link SynthTexts} checks they name the attribute values
 * in {@link #classCount()} order.
 */
public enum TransferTask {
    COLOUR("colour", Colour.values().length),
    TEXTURE("texture", Texture.values().length),
    COUNT("count", 4),
    POSITION("position", Placement.values().length),
    SIZE("size", SizeClass.values().length),
    BACKGROUND("background", Background.values().length),
    HELD_OUT_SHAPES("held-out-shapes", 6),
    ORIENTATION("orientation", Direction.values().length);

    private final String id;
    private final int classCount;

    TransferTask(String id, int classCount) {
        this.id = id;
        this.classCount = classCount;
    }

    /** Identifier used in split names and resource file names. */
    public String id() {
        return id;
    }

    /** Number of classes. */
    public int classCount() {
        return classCount;
    }

    /** Index of the task in the world's stream numbering. */
    int stream() {
        return 100 + ordinal();
    }
}
