package org.grace.model.data.synth;

import org.grace.model.data.ClassTexts;

import java.util.ArrayList;
import java.util.List;

/**
 * Class names and templates of the embedded world's tasks, read from the resource files next to
 * this class ({@code id.classnames.txt}, {@code id.templates.txt},
 * {@code transfer/<task>.classnames.txt}, {@code transfer/<task>.templates.txt}). Loading checks
 * that the files name the rendered attribute values in label order, so the data files and the
 * renderer cannot drift apart silently.
 */
public final class SynthTexts {

    private SynthTexts() {
    }

    /** The ID task: the ten shape classes and the ID templates. */
    public static ClassTexts id() {
        ClassTexts texts = ClassTexts.fromResources(SynthTexts.class, "id.classnames.txt", "id.templates.txt");
        List<String> expected = new ArrayList<>();
        for (Shape shape : SceneSampler.idShapes()) {
            expected.add(shape.singular());
        }
        check("id.classnames.txt", texts.classNames(), expected);
        return texts;
    }

    /** One transfer task's class names and templates. */
    public static ClassTexts transfer(TransferTask task) {
        String base = "transfer/" + task.id();
        ClassTexts texts = ClassTexts.fromResources(SynthTexts.class, base + ".classnames.txt", base + ".templates.txt");
        check(base + ".classnames.txt", texts.classNames(), expectedNames(task));
        return texts;
    }

    static List<String> expectedNames(TransferTask task) {
        List<String> names = new ArrayList<>();
        switch (task) {
            case COLOUR -> { for (Colour c : Colour.values()) { names.add(c.word()); } }
            case TEXTURE -> { for (Texture t : Texture.values()) { names.add(t.word()); } }
            case COUNT -> names.addAll(List.of(Captioner.NUMBER_WORDS));
            case POSITION -> { for (Placement p : Placement.values()) { names.add(p.phrase()); } }
            case SIZE -> { for (SizeClass s : SizeClass.values()) { names.add(s.word()); } }
            case BACKGROUND -> { for (Background b : Background.values()) { names.add(b.word()); } }
            case HELD_OUT_SHAPES -> { for (Shape s : SceneSampler.heldOutShapes()) { names.add(s.singular()); } }
            case ORIENTATION -> { for (Direction d : Direction.values()) { names.add(d.word()); } }
            default -> throw new IllegalStateException("no class names for task " + task);
        }
        return names;
    }

    private static void check(String resource, List<String> actual, List<String> expected) {
        if (!actual.equals(expected)) {
            throw new IllegalStateException("resource " + resource + " lists " + actual
                    + " but the renderer's classes are, in label order, " + expected);
        }
    }
}
