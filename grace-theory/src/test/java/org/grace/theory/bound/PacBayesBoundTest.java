package org.grace.theory.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacBayesBoundTest {

    private static final PacBayesBound GOLDEN = new PacBayesBound(PacBayesConfig.defaults());

    @Test
    void termsAtAGivenSigmaFollowTheTheorem() {
        BoundInputs in = new BoundInputs("m", 0.25, 8.0, 3.0, 0.4, 100);
        PacBayesTerms t = new PacBayesBound(new PacBayesConfig(0.1, 0.02, 1e-6, 10, PacBayesConfig.SigmaSearch.GOLDEN_SECTION, 0))
                .at(in, 0.5);
        assertEquals(8.0 / (2 * 100 * 0.25), t.proximity(), 1e-15);
        assertEquals(0.5 * 0.25 * 3.0, t.sharpness(), 1e-15);
        assertEquals(Math.log(10.0) / 100, t.confidence(), 1e-15);
        assertEquals(0.25 + 0.16 + 0.375 + 0.4 + 0.02 + Math.log(10.0) / 100, t.total(), 1e-12);
    }

    @Test
    void deltaOneReproducesThePaperExpressionExactly() {
        BoundInputs in = new BoundInputs("m", 0.1, 2.0, 5.0, 0.3, 1000);
        PacBayesTerms t = new PacBayesBound(new PacBayesConfig(1.0, 0.0, 1e-6, 10, PacBayesConfig.SigmaSearch.GOLDEN_SECTION, 0))
                .at(in, 0.1);
        assertEquals(0.0, t.confidence());
        assertEquals(0.1 + 2.0 / (2 * 1000 * 0.01) + 0.005 * 5.0 + 0.3, t.total(), 1e-12);
    }

    @Test
    void goldenSectionFindsTheClosedFormSigmaWhereProximityEqualsSharpness() {
        qt().withFixedSeed(20260101L).withExamples(200)
                .forAll(doubles().between(1e-3, 1e3), doubles().between(1e-2, 1e5), longs().between(10, 2_000_000))
                .checkAssert((drift2, trace, n) -> {
                    BoundInputs in = new BoundInputs("m", 0.2, drift2, trace, 0.1, n);
                    PacBayesTerms best = GOLDEN.minimise(in);
                    assertEquals(PacBayesBound.closedFormSigma(in), best.sigma(), 1e-6 * best.sigma());
                    assertEquals(best.proximity(), best.sharpness(), 1e-6 * best.sharpness());
                    assertEquals(Math.sqrt(drift2) * Math.sqrt(trace / n), best.proximity() + best.sharpness(),
                            1e-9 * (best.proximity() + best.sharpness()));
                    assertTrue(best.total() <= GOLDEN.at(in, best.sigma() * 1.01).total());
                    assertTrue(best.total() <= GOLDEN.at(in, best.sigma() / 1.01).total());
                });
    }

    @Test
    void gridSearchPaysForItsUnionBoundAndIsNeverTighterThanGoldenSection() {
        qt().withFixedSeed(20260101L).withExamples(100)
                .forAll(doubles().between(1e-3, 1e3), doubles().between(1e-2, 1e5), longs().between(10, 2_000_000))
                .checkAssert((drift2, trace, n) -> {
                    BoundInputs in = new BoundInputs("m", 0.2, drift2, trace, 0.1, n);
                    PacBayesBound grid = new PacBayesBound(new PacBayesConfig(0.05, 0.0, 1e-8, 1e3,
                            PacBayesConfig.SigmaSearch.GRID, 64));
                    PacBayesTerms g = grid.minimise(in);
                    assertEquals(Math.log(1 / 0.05) / n + Math.log(64) / n, g.confidence(), 1e-12);
                    assertTrue(g.total() >= GOLDEN.minimise(in).total() - 1e-12);
                });
    }

    @Test
    void sigmaStopsAtTheRangeWhenATermVanishes() {
        PacBayesTerms flat = GOLDEN.minimise(new BoundInputs("flat", 0.1, 4.0, 0.0, 0.0, 100));
        assertEquals(1e3, flat.sigma(), 1e-6 * 1e3);
        PacBayesTerms anchored = GOLDEN.minimise(new BoundInputs("zero-shot", 0.3, 0.0, 50.0, 0.0, 100));
        assertEquals(0.0, anchored.proximity());
        assertTrue(anchored.sigma() < 1e-7, "sigma " + anchored.sigma());
    }

    @Test
    void commonSigmaMinimisesTheSumOfTheMethodsBounds() {
        List<BoundInputs> methods = List.of(new BoundInputs("a", 0.2, 10.0, 5.0, 0.1, 1000),
                new BoundInputs("b", 0.1, 1.0, 50.0, 0.2, 1000));
        List<PacBayesTerms> rows = GOLDEN.atCommonSigma(methods);
        double sigma = rows.get(0).sigma();
        assertEquals(sigma, rows.get(1).sigma());
        double sum = rows.stream().mapToDouble(PacBayesTerms::total).sum();
        for (double factor : new double[] {0.9, 1.1}) {
            double other = methods.stream().mapToDouble(m -> GOLDEN.at(m, sigma * factor).total()).sum();
            assertTrue(sum <= other, "sum at σ " + sum + " vs at " + factor + "σ " + other);
        }
        assertEquals(Math.pow(11.0 / (1000 * 55.0), 0.25), sigma, 1e-6 * sigma, "closed form for the summed terms");
    }

    @Test
    void badInputGetsAClearException() {
        assertThrows(IllegalArgumentException.class, () -> new BoundInputs("m", 1.5, 1, 1, 0, 10));
        IllegalArgumentException trace = assertThrows(IllegalArgumentException.class,
                () -> new BoundInputs("m", 0.1, 1, -1, 0, 10));
        assertTrue(trace.getMessage().contains("hessianTrace"), trace.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BoundInputs("m", 0.1, Double.NaN, 1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new BoundInputs("m", 0.1, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new BoundInputs(" ", 0.1, 1, 1, 0, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new PacBayesConfig(0.0, 0, 1e-8, 1, PacBayesConfig.SigmaSearch.GOLDEN_SECTION, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PacBayesConfig(0.05, 0, 1, 1, PacBayesConfig.SigmaSearch.GOLDEN_SECTION, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PacBayesConfig(0.05, 0, 1e-8, 1, PacBayesConfig.SigmaSearch.GRID, 1));
        assertThrows(IllegalArgumentException.class, () -> GOLDEN.at(new BoundInputs("m", 0.1, 1, 1, 0, 10), 0.0));
        assertThrows(IllegalArgumentException.class, () -> GOLDEN.atCommonSigma(List.of()));
    }
}
