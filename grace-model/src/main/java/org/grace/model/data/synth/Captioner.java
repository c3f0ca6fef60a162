package org.grace.model.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a caption for a scene from its attributes, with varied wording:
 * {@code [style prefix] determiner [size] [colour] [texture] noun [background phrase]
 * [placement phrase] [pointing direction] [.]}.
 *
 * <p>Each optional part appears with a fixed probability (style prefix 0.85, or 0.6 for photos;
 * size 0.5; colour 0.6; texture 0.5; background 0.5; placement 0.6; direction 0.9; final period
 * 0.5), so the corpus pairs the same image content with many phrasings, as web alt-text does.
 * Attributes a style does not show are never mentioned: no colour, texture or background for
 * sketches, silhouettes and blueprints. The noun is the shape's name, or with probability 0.1 the
 * generic "shape"/"object", so the transfer templates' generic nouns occur too. Counts above one
 * use a number word and the plural ("three blue circles"). Examples: "a small red striped star on
 * a sand background", "a sketch of a hexagon", "three blue circles".
 *
 * <p>With probability {@value #BARE} the caption is <em>bare</em>: it keeps the style prefix, the
 * count, the noun, the placement and the direction, names the texture with probability
 * {@value #BARE_TEXTURE} and the size band with probability {@value #BARE_SIZE}, and never names
 * colour or background ("a photo of a striped star in the middle"). Bare captions are what make
 * the image tower learn shape: when most captions also name colour and background, the
 * contrastive loss falls through those and zero-shot shape accuracy stayed near 30%; texture and
 * size in bare captions are what lift those transfer tasks above twice chance (the checkpoint
 * README's trials table).
 */
public final class Captioner {

    static final String[] NUMBER_WORDS = {"one", "two", "three", "four"};
    /** Share of bare captions. */
    static final double BARE = 0.8;
    /** Probability that a bare caption names the texture (of a style that shows it). */
    static final double BARE_TEXTURE = 0.6;
    /** Probability that a bare caption names the size band (of a scene drawn from one). */
    static final double BARE_SIZE = 0.3;

    private Captioner() {
    }

    /** The caption of {@code scene}, drawing the wording choices from {@code rnd}. */
    public static String caption(Scene scene, SplittableRandom rnd) {
        Style style = scene.style();
        boolean photo = style == Style.PHOTO;
        boolean bare = rnd.nextDouble() < BARE;
        List<String> words = new ArrayList<>();
        if (rnd.nextDouble() < (photo ? 0.6 : 0.85)) {
            words.add(SceneSampler.pick(rnd, style.captionPrefixes().toArray(new String[0])));
        }
        List<String> phrase = new ArrayList<>();
        SceneObject subject = scene.subject();
        if (scene.size().isPresent() && rnd.nextDouble() < (bare ? BARE_SIZE : 0.5)) {
            phrase.add(scene.size().get().word());
        }
        if (!bare && !style.dropsColour() && rnd.nextDouble() < 0.6) {
            phrase.add(subject.colour().word());
        }
        if (!style.dropsColour() && rnd.nextDouble() < (bare ? BARE_TEXTURE : 0.5)) {
            phrase.add(subject.texture().word());
        }
        boolean plural = scene.subjectCount() > 1;
        boolean generic = rnd.nextDouble() < 0.1;
        String noun = generic ? (rnd.nextBoolean() ? "shape" : "object") : subject.shape().singular();
        phrase.add(plural ? (generic ? noun + "s" : subject.shape().plural()) : noun);
        if (plural) {
            words.add(NUMBER_WORDS[scene.subjectCount() - 1]);
        } else if (rnd.nextDouble() < 0.1) {
            words.add("one");
        } else {
            words.add(startsWithVowel(phrase.get(0)) ? "an" : "a");
        }
        words.addAll(phrase);
        if (!bare && !style.dropsColour() && rnd.nextDouble() < 0.5) {
            words.add(rnd.nextBoolean() ? "on a" : "with a");
            words.add(scene.background().word());
            words.add("background");
        }
        if (scene.placement().isPresent() && rnd.nextDouble() < 0.6) {
            words.add(scene.placement().get().phrase());
        }
        if (scene.direction().isPresent() && rnd.nextDouble() < 0.9) {
            words.add("pointing");
            words.add(scene.direction().get().word());
        }
        String caption = String.join(" ", words);
        return rnd.nextBoolean() ? caption + "." : caption;
    }

    private static boolean startsWithVowel(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0;
    }
}
