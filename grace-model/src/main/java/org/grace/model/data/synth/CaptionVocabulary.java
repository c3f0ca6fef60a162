package org.grace.model.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The words of the embedded world's captions, for a word-level tokenizer.
 *
 * <p>Definition: a text's tokens are its maximal runs of letters or digits, lower-cased, plus each
 * other non-space character on its own (so "a sketch of a star." gives {@code a, sketch, of, a,
 * star, .}). The vocabulary is the sorted set of tokens the {@link Captioner} grammar can emit,
 * computed from the grammar's word lists rather than from a sample of captions; a test checks that
 * sampled captions and every class name and template of the ID and transfer tasks tokenize into
 * it, so a zero-shot head can be built from words pretraining has seen.
 */
public final class CaptionVocabulary {

    private CaptionVocabulary() {
    }

    /** Tokens of {@code text} under this vocabulary's splitting rule. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < lower.length() && Character.isLetterOrDigit(lower.charAt(j))) {
                    j++;
                }
                tokens.add(lower.substring(i, j));
                i = j;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    /** Sorted unique tokens the caption grammar can produce. */
    public static List<String> words() {
        TreeSet<String> words = new TreeSet<>();
        for (Style style : Style.values()) {
            style.captionPrefixes().forEach(p -> words.addAll(tokens(p)));
        }
        for (Shape shape : Shape.values()) {
            words.add(shape.singular());
            words.add(shape.plural());
        }
        for (Colour colour : Colour.values()) {
            words.add(colour.word());
        }
        for (Texture texture : Texture.values()) {
            words.add(texture.word());
        }
        for (SizeClass size : SizeClass.values()) {
            words.add(size.word());
        }
        for (Background background : Background.values()) {
            words.add(background.word());
        }
        for (Placement placement : Placement.values()) {
            words.addAll(tokens(placement.phrase()));
        }
        for (Direction direction : Direction.values()) {
            words.add(direction.word());
        }
        for (String number : Captioner.NUMBER_WORDS) {
            words.add(number);
        }
        words.addAll(List.of("a", "an", "shape", "shapes", "object", "objects", "on", "with", "background",
                "pointing", "."));
        return List.copyOf(words);
    }
}
