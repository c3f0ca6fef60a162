package org.grace.model.data.synth;

import org.grace.model.data.ImageDataset;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthWorldTest {

    private final SynthWorld world = SmallWorld.world();

    @Test
    void everySplitIsClassBalancedToWithinOneImage() {
        for (Map.Entry<String, ImageDataset> split : world.labelledSplits().entrySet()) {
            int[] counts = DescribeWorld.classCounts(split.getValue());
            int min = Arrays.stream(counts).min().orElseThrow();
            int max = Arrays.stream(counts).max().orElseThrow();
            assertTrue(max - min <= 1, split.getKey() + " counts " + Arrays.toString(counts));
        }
    }

    @Test
    void splitsHaveTheConfiguredSizes() {
        SplitSizes sizes = SmallWorld.CONFIG.sizes();
        assertEquals(sizes.idTrain(), world.idTrain().size());
        assertEquals(sizes.idTest(), world.idTest().size());
        assertEquals(sizes.v2(), world.v2().size());
        assertEquals(sizes.adversarial(), world.adversarial().size());
        assertEquals(sizes.adversarialPlus(), world.adversarialPlus().size());
        assertEquals(sizes.transferPerTask(), world.transfer(TransferTask.COUNT).size());
        assertEquals(sizes.captions(), world.captions().size());
    }

    @Test
    void imagesAreChwInTheUnitInterval() {
        for (ImageDataset split : world.labelledSplits().values()) {
            float[] image = split.image(split.size() - 1);
            assertEquals(3 * 32 * 32, image.length, split.name());
            for (float v : image) {
                assertTrue(v >= 0f && v <= 1f, split.name() + " value " + v);
            }
        }
    }

    @Test
    void subsetSplitsReportTheirLogitMask() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 6, 7, 9}, world.rendition().classSubset().orElseThrow());
        assertArrayEquals(new int[] {0, 2, 3, 4, 5, 6, 7, 8}, world.adversarial().classSubset().orElseThrow());
        assertArrayEquals(new int[] {0, 2, 3, 4, 5, 6, 7, 8}, world.adversarialPlus().classSubset().orElseThrow());
        assertEquals("ring", world.adversarial().classNames().get(4));
        assertTrue(world.idTest().classSubset().isEmpty());
        SynthSplit r = world.rendition();
        for (int i = 0; i < 16; i++) {
            Shape shape = r.scene(i).subjectShape();
            assertEquals(world.idTexts().classNames().get(r.classSubset().orElseThrow()[r.label(i)]), shape.singular());
        }
    }

    @Test
    void labelsNameTheRenderedSubject() {
        SynthSplit test = world.idTest();
        for (int i = 0; i < 30; i++) {
            assertEquals(test.classNames().get(test.label(i)), test.scene(i).subjectShape().singular());
            assertEquals(Style.PHOTO, test.scene(i).style());
        }
        SynthSplit sketch = world.sketch();
        assertEquals(Style.SKETCH, sketch.scene(0).style());
        SynthSplit orientation = world.transfer(TransferTask.ORIENTATION);
        for (int i = 0; i < 8; i++) {
            assertEquals(Shape.ARROW, orientation.scene(i).subjectShape());
            assertEquals(Direction.values()[orientation.label(i)], orientation.scene(i).direction().orElseThrow());
        }
        SynthSplit count = world.transfer(TransferTask.COUNT);
        for (int i = 0; i < 8; i++) {
            assertEquals(count.label(i) + 1, count.scene(i).subjectCount());
        }
    }

    @Test
    void v2IsAFreshSampleWithShiftedNuisances() {
        SynthSplit test = world.idTest();
        SynthSplit v2 = world.v2();
        for (int i = 0; i < 20; i++) {
            assertNotEquals(Hashes.sha256(test.image(i)), Hashes.sha256(v2.image(i)));
            assertEquals(test.label(i), v2.label(i));
        }
        // Backgrounds black and brick never occur in ID but do in V2 (the shift), and the
        // reference classifier trained on ID loses accuracy on V2.
        long unseen = IntStream.range(0, v2.size()).mapToObj(v2::scene)
                .filter(s -> s.background() == Background.BLACK || s.background() == Background.BRICK).count();
        long unseenInId = IntStream.range(0, test.size()).mapToObj(test::scene)
                .filter(s -> s.background() == Background.BLACK || s.background() == Background.BRICK).count();
        assertEquals(0, unseenInId);
        assertTrue(unseen > v2.size() / 5, "V2 images on unseen backgrounds: " + unseen);
        ReferenceClassifier reference = world.filtered().first();
        assertTrue(reference.accuracy(v2) < reference.accuracy(test) - 0.1,
                "reference accuracy ID " + reference.accuracy(test) + " vs V2 " + reference.accuracy(v2));
    }

    @Test
    void naturalAdversarialImagesFoolTheReferenceClassifier() {
        SynthWorld.Filtered filtered = world.filtered();
        SynthSplit a = world.adversarial();
        int[] subset = a.classSubset().orElseThrow();
        for (int i = 0; i < a.size(); i++) {
            assertNotEquals(a.label(i), filtered.first().predict(a.image(i), subset).label(), "A image " + i);
        }
        SynthSplit plus = world.adversarialPlus();
        double tau = SmallWorld.CONFIG.reference().plusConfidence();
        for (int i = 0; i < plus.size(); i++) {
            float[] image = plus.image(i);
            ReferenceClassifier.Prediction p = filtered.first().predict(image, subset);
            assertNotEquals(plus.label(i), p.label());
            assertTrue(p.confidence() >= tau, "A-Plus confidence " + p.confidence());
            assertNotEquals(plus.label(i), filtered.second().predict(image, subset).label());
        }
        assertEquals(0.0, filtered.first().accuracy(a));
        assertTrue(filtered.first().accuracy(world.idTest()) > 0.5, "reference must be a real classifier on ID");
    }

    @Test
    void filtrationReportsAnAcceptanceRateAndIsHarderForAPlus() {
        SynthWorld.Filtered filtered = world.filtered();
        double a = filtered.adversarial().acceptanceRate();
        double plus = filtered.adversarialPlus().acceptanceRate();
        assertTrue(a > 0 && a < 1, "A acceptance " + a);
        assertTrue(plus > 0 && plus < a, "A-Plus acceptance " + plus + " vs A " + a);
        int[] accepted = filtered.adversarial().accepted();
        for (int k = 1; k < accepted.length; k++) {
            assertTrue(accepted[k] > accepted[k - 1]);
        }
    }

    @Test
    void filtrationFailsClearlyWhenCandidatesRunOut() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AdversarialFiltration.run(10, 2, s -> false, 500, "synth-a"));
        assertTrue(e.getMessage().contains("synth-a") && e.getMessage().contains("0 of 10"), e.getMessage());
    }

    @Test
    void configRejectsBadValuesWithTheirNames() {
        assertThrows(IllegalArgumentException.class, () -> new SplitSizes(0, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> new SynthWorldConfig(0, 30, 3,
                SplitSizes.defaults(), SynthWorldConfig.DEFAULT_RENDITION_SUBSET,
                SynthWorldConfig.DEFAULT_ADVERSARIAL_SUBSET, ReferenceClassifierConfig.defaults(), 10));
        assertTrue(size.getMessage().contains("imageSize"));
        IllegalArgumentException subset = assertThrows(IllegalArgumentException.class, () -> new SynthWorldConfig(0, 32,
                3, SplitSizes.defaults(), java.util.List.of(3, 1), SynthWorldConfig.DEFAULT_ADVERSARIAL_SUBSET,
                ReferenceClassifierConfig.defaults(), 10));
        assertTrue(subset.getMessage().contains("renditionSubset"));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceClassifierConfig(5, 0.1, 0, 1, 1.0));
    }

    @Test
    void outOfRangeIndicesNameTheSplit() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> world.idVal().image(50));
        assertTrue(e.getMessage().contains("synth-id-val"));
    }
}
