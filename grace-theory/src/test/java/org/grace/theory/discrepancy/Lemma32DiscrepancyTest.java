package org.grace.theory.discrepancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Set;
import org.junit.jupiter.api.Test;

class Lemma32DiscrepancyTest {

    private static final Lemma32Discrepancy LEMMA = new Lemma32Discrepancy(Lemma32Config.defaults());

    @Test
    void isZeroForIdenticalSets() {
        qt().withFixedSeed(20260101L).withExamples(40)
                .forAll(integers().between(1, 5), integers().between(2, 12), integers().between(1, 8), longs().all())
                .checkAssert((classes, perClass, d, seed) -> {
                    FeatureSet set = Features.gaussianClasses("id", classes, perClass, d, 0.0, seed);
                    FeatureSet copy = new FeatureSet("copy", set.features(), set.labels());
                    assertEquals(0.0, LEMMA.between(set, copy).bound(), 0.0);
                });
    }

    @Test
    void isSymmetricInSourceAndTarget() {
        qt().withFixedSeed(20260101L).withExamples(40)
                .forAll(integers().between(1, 4), integers().between(2, 10), integers().between(1, 6), longs().all())
                .checkAssert((classes, perClass, d, seed) -> {
                    FeatureSet s = Features.gaussianClasses("s", classes, perClass, d, 0.0, seed);
                    FeatureSet t = Features.gaussianClasses("t", classes, perClass + 3, d, 0.5, seed + 1);
                    double st = LEMMA.between(s, t).bound();
                    double ts = LEMMA.between(t, s).bound();
                    assertEquals(st, ts, 1e-10 * Math.max(1.0, st));
                });
    }

    @Test
    void growsWithAShiftOfTheTarget() {
        qt().withFixedSeed(20260101L).withExamples(30)
                .forAll(doubles().between(0.0, 3.0), doubles().between(0.01, 3.0), longs().all())
                .checkAssert((small, extra, seed) -> {
                    FeatureSet s = Features.gaussianClasses("s", 3, 8, 4, 0.0, seed);
                    double near = LEMMA.between(s, Features.shifted(s, small)).bound();
                    double far = LEMMA.between(s, Features.shifted(s, small + extra)).bound();
                    assertTrue(near <= far, "bound at shift " + small + " = " + near + " > bound at " + (small + extra) + " = " + far);
                });
        FeatureSet s = Features.gaussianClasses("s", 3, 8, 4, 0.0, 1L);
        assertTrue(LEMMA.between(s, Features.shifted(s, 2.0)).bound() > 0.0);
    }

    @Test
    void matchesAHandComputedExample() {
        FeatureSet s = new FeatureSet("s", new double[][] {{0}, {2}, {10}, {10}, {12}, {12}}, new int[] {0, 0, 1, 1, 1, 1});
        FeatureSet t = new FeatureSet("t", new double[][] {{3}, {5}, {10}, {14}}, new int[] {0, 0, 1, 1});
        Lemma32Result result = LEMMA.between(s, t);
        ClassDiscrepancy c0 = result.perClass().get(0);
        assertEquals(9.0, c0.centroidDistance(), 1e-12);
        assertEquals(2.0 / 2 + 2.0 / 2, c0.centroidBias(), 1e-12);
        assertEquals(7.0, c0.centroidTerm(), 1e-12);
        assertEquals(0.0, c0.covarianceTerm(), 1e-12);
        ClassDiscrepancy c1 = result.perClass().get(1);
        assertEquals(1.0, c1.centroidDistance(), 1e-12);
        assertEquals(0.0, c1.centroidTerm(), 1e-12, "1 − (4/3/4 + 8/2) clamps to 0");
        assertEquals(8.0 - 4.0 / 3.0, c1.covarianceTerm(), 1e-12);
        assertEquals(4.0 / 10.0, c0.weight(), 1e-12);
        assertEquals(4.0 / 10.0 * 7.0 + 6.0 / 10.0 * (8.0 - 4.0 / 3.0), result.bracket(), 1e-12);
        assertEquals(result.bracket(), result.bound(), 1e-12, "2 L_f = 1 by default");
        Lemma32Result raw = new Lemma32Discrepancy(new Lemma32Config(1.0, false, Lemma32Config.ClassWeighting.SOURCE))
                .between(s, t);
        assertEquals(2.0 * (2.0 / 6.0 * 9.0 + 4.0 / 6.0 * (1.0 + 8.0 - 4.0 / 3.0)), raw.bound(), 1e-12);
    }

    @Test
    void biasCorrectionRemovesTheSmallSampleBiasOfTheCentroidTerm() {
        int repeats = 400;
        double raw = 0.0;
        double corrected = 0.0;
        for (int r = 0; r < repeats; r++) {
            FeatureSet s = Features.gaussianClasses("s", 1, 5, 6, 0.0, 2L * r);
            FeatureSet t = Features.gaussianClasses("t", 1, 7, 6, 0.0, 2L * r + 1);
            ClassDiscrepancy c = LEMMA.between(s, t).perClass().get(0);
            raw += c.centroidDistance() / repeats;
            corrected += (c.centroidDistance() - c.centroidBias()) / repeats;
        }
        double expectedBias = 6.0 / 5 + 6.0 / 7;
        assertEquals(expectedBias, raw, 0.15 * expectedBias, "the raw term is biased by tr Σ/n_s + tr Σ/n_t");
        assertEquals(0.0, corrected, 0.15 * expectedBias, "the corrected term is unbiased for ‖μ_s − μ_t‖² = 0");
    }

    @Test
    void splitHalfBaselineMeasuresTheNoiseFloorOfOneDomain() {
        FeatureSet s = Features.gaussianClasses("s", 2, 40, 5, 0.0, 4L);
        Lemma32Result floor = LEMMA.splitHalfBaseline(s, 1L);
        Lemma32Result shifted = LEMMA.between(s, Features.shifted(Features.gaussianClasses("t", 2, 40, 5, 0.0, 5L), 1.5));
        assertTrue(floor.bound() > 0.0 && floor.bound() < shifted.bound(), floor.bound() + " vs " + shifted.bound());
        assertEquals(floor.bound(), LEMMA.splitHalfBaseline(s, 1L).bound(), 0.0);
    }

    @Test
    void classesInOnlyOneSetAreReportedAndLeftOut() {
        FeatureSet s = Features.gaussianClasses("s", 3, 4, 2, 0.0, 1L);
        FeatureSet t = Features.gaussianClasses("t", 2, 4, 2, 0.0, 2L);
        Lemma32Result result = LEMMA.between(s, t);
        assertEquals(Set.of(2), result.unmatchedClasses());
        assertEquals(1.0, result.perClass().stream().mapToDouble(ClassDiscrepancy::weight).sum(), 1e-12);
    }

    @Test
    void badInputGetsAClearException() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureSet("empty", new double[0][], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new FeatureSet("ragged", new double[][] {{1, 2}, {3}}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureSet("nan", new double[][] {{Double.NaN}}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureSet("labels", new double[][] {{1}}, new int[] {0, 1}));
        FeatureSet twoD = Features.gaussianClasses("twoD", 1, 4, 2, 0.0, 1L);
        FeatureSet threeD = Features.gaussianClasses("threeD", 1, 4, 3, 0.0, 1L);
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class, () -> LEMMA.between(twoD, threeD));
        assertTrue(dims.getMessage().contains("twoD") && dims.getMessage().contains("3"), dims.getMessage());
        FeatureSet single = new FeatureSet("single", new double[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {0, 0, 1});
        FeatureSet both = Features.gaussianClasses("both", 2, 4, 2, 0.0, 1L);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> LEMMA.between(single, both));
        assertTrue(one.getMessage().contains("class 1") && one.getMessage().contains("single"), one.getMessage());
        FeatureSet other = new FeatureSet("other", new double[][] {{1, 2}, {3, 4}}, new int[] {7, 7});
        assertThrows(IllegalArgumentException.class, () -> LEMMA.between(both, other));
        assertThrows(IllegalArgumentException.class, () -> new Lemma32Config(0.0, true, Lemma32Config.ClassWeighting.POOLED));
        assertThrows(IllegalArgumentException.class, () -> LEMMA.splitHalfBaseline(single, 1L));
    }
}
