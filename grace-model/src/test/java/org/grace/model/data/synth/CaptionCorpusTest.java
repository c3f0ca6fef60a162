package org.grace.model.data.synth;

import org.grace.model.data.BatchOptions;
import org.grace.model.data.Batches;
import org.grace.model.data.ClassTexts;
import org.grace.model.data.HostBatch;
import org.grace.model.data.ImageDataset;
import org.grace.model.data.IndexOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptionCorpusTest {

    private final CaptionCorpus corpus = SmallWorld.world().captions();
    private final Set<String> vocabulary = new HashSet<>(CaptionVocabulary.words());

    @Test
    void vocabularyIsSortedAndUnique() {
        List<String> words = CaptionVocabulary.words();
        assertEquals(new ArrayList<>(new TreeSet<>(words)), words);
    }

    @Test
    void sampledCaptionsUseOnlyVocabularyWordsAndEveryWordOccurs() {
        // Captions need no rendering, so a larger corpus is cheap; plurals of one shape are rare
        // (a crowd scene is 9% of pairs, one shape 1/16 of those).
        SplitSizes small = SmallWorld.CONFIG.sizes();
        CaptionCorpus corpus = new SynthWorld(SmallWorld.CONFIG.withSizes(new SplitSizes(small.idTrain(), small.idVal(),
                small.idTest(), small.v2(), small.sketch(), small.rendition(), small.adversarial(),
                small.adversarialPlus(), small.transferPerTask(), 5000))).captions();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            for (String token : CaptionVocabulary.tokens(corpus.caption(i))) {
                assertTrue(vocabulary.contains(token), "caption " + i + " '" + corpus.caption(i) + "' has " + token);
                seen.add(token);
            }
        }
        assertEquals(vocabulary, seen, "vocabulary words never produced in " + corpus.size() + " captions");
    }

    @Test
    void everyClassNameAndTemplateOfEveryTaskIsInTheVocabulary() {
        List<ClassTexts> tasks = new ArrayList<>();
        tasks.add(SynthTexts.id());
        for (TransferTask task : TransferTask.values()) {
            tasks.add(SynthTexts.transfer(task));
        }
        for (ClassTexts texts : tasks) {
            for (int c = 0; c < texts.classNames().size(); c++) {
                for (String prompt : texts.prompts(c)) {
                    for (String token : CaptionVocabulary.tokens(prompt)) {
                        assertTrue(vocabulary.contains(token), "prompt '" + prompt + "' has unknown token " + token);
                    }
                }
            }
        }
    }

    @Test
    void captionsDescribeTheirImage() {
        for (int i = 0; i < 200; i++) {
            Scene scene = corpus.scene(i);
            List<String> tokens = CaptionVocabulary.tokens(corpus.caption(i));
            Shape shape = scene.subjectShape();
            assertTrue(tokens.contains(shape.singular()) || tokens.contains(shape.plural()) || tokens.contains("shape")
                    || tokens.contains("shapes") || tokens.contains("object") || tokens.contains("objects"),
                    corpus.caption(i));
            if (scene.subjectCount() > 1) {
                assertTrue(tokens.contains(Captioner.NUMBER_WORDS[scene.subjectCount() - 1]), corpus.caption(i));
            }
            if (scene.style().dropsColour()) {
                assertTrue(!tokens.contains(scene.subject().colour().word()), corpus.caption(i));
            }
        }
    }

    @Test
    void mostCaptionsAreBareNamingNeitherColourNorSizeNorBackground() {
        Set<String> distracting = new HashSet<>();
        for (Colour c : Colour.values()) {
            distracting.add(c.word());
        }
        for (SizeClass z : SizeClass.values()) {
            distracting.add(z.word());
        }
        distracting.add("background");
        int bare = 0;
        int n = corpus.size();
        for (int i = 0; i < n; i++) {
            if (CaptionVocabulary.tokens(corpus.caption(i)).stream().noneMatch(distracting::contains)) {
                bare++;
            }
        }
        double share = (double) bare / n;
        // 80% are bare by construction; a non-bare caption omits all three attributes now and then.
        assertTrue(share > 0.78 && share < 0.9, "bare share " + share);
    }

    @Test
    void mostScenesAreObjectCentricAndCaptionedInTheMiddle() {
        int centred = 0;
        int n = corpus.size();
        for (int i = 0; i < n; i++) {
            Scene scene = corpus.scene(i);
            if (scene.objects().size() == 1 && scene.size().isEmpty()
                    && scene.placement().equals(java.util.Optional.of(Placement.MIDDLE))) {
                centred++;
                SceneObject o = scene.subject();
                assertTrue(o.radius() >= 0.2 && o.radius() <= 0.36 && Math.abs(o.cx() - 0.5) <= 0.1
                        && Math.abs(o.cy() - 0.5) <= 0.1, "object-centric scene " + i + ": " + o);
            }
        }
        double share = (double) centred / n;
        assertTrue(share > 0.65 && share < 0.75, "object-centric share " + share);
    }

    @Test
    void pointingSubjectsPointWhereTheirCaptionSays() {
        Set<Shape> pointers = new HashSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            Scene scene = corpus.scene(i);
            if (scene.direction().isEmpty()) {
                continue;
            }
            Shape shape = scene.subjectShape();
            pointers.add(shape);
            double expected = shape.upRotation().getAsDouble() + scene.direction().get().radians();
            double off = Math.IEEEremainder(scene.subject().rotation() - expected, 2 * Math.PI);
            assertTrue(Math.abs(off) <= Math.toRadians(10) + 1e-12, "scene " + i + " is off by " + off + " rad");
            String caption = corpus.caption(i);
            assertTrue(!caption.contains("pointing") || caption.contains("pointing " + scene.direction().get().word()),
                    caption);
        }
        assertEquals(Set.of(Shape.ARROW, Shape.TRIANGLE, Shape.CHEVRON), pointers);
    }

    @Test
    void corpusCoversAllStylesAndAllShapes() {
        Set<Style> styles = new HashSet<>();
        Set<Shape> shapes = new HashSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            styles.add(corpus.scene(i).style());
            shapes.add(corpus.scene(i).subjectShape());
        }
        assertEquals(Style.values().length, styles.size());
        assertEquals(Shape.values().length, shapes.size());
    }

    @Test
    void captionsAreDeterministic() {
        CaptionCorpus again = SmallWorld.world().captions();
        for (int i = 0; i < 50; i++) {
            assertEquals(corpus.caption(i), again.caption(i));
        }
        assertEquals("an image of an arrow in the middle pointing down.", SynthWorldCaptions.first(0L));
    }

    @Test
    void imagesViewBatchesPairsByIndexWithTheSubjectShapeAsLabel() {
        ImageDataset images = corpus.images();
        assertEquals(corpus.size(), images.size());
        assertEquals(Shape.values().length, images.classNames().size());
        try (Batches batches = Batches.of(images,
                IndexOrder.shuffled(images.size(), 3L), new BatchOptions(16,
                        2, 2, false), null)) {
            HostBatch batch = batches.nextHost();
            for (int row = 0; row < batch.batchSize(); row++) {
                int index = batch.indices()[row];
                assertEquals(corpus.scene(index).subjectShape().ordinal(), batch.labels()[row]);
                float[] expected = corpus.image(index);
                float[] actual = Arrays.copyOfRange(batch.pixels(), row * expected.length,
                        (row + 1) * expected.length);
                assertArrayEquals(expected, actual);
            }
        }
    }

    @Test
    void tokensSplitWordsAndPunctuation() {
        assertEquals(List.of("a", "sketch", "of", "a", "star", "."), CaptionVocabulary.tokens("A sketch of  a star."));
    }

    /** Caption 0 of the default world with a given seed. */
    private static final class SynthWorldCaptions {
        static String first(long seed) {
            return new SynthWorld(SynthWorldConfig.defaults(seed)).captions().caption(0);
        }
    }
}
