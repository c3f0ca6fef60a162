package org.grace.theory.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HutchinsonTraceTest {

    @Test
    void isExactAndThereforeUnbiasedOnDiagonalMatrices() {
        qt().withFixedSeed(20260101L).withExamples(100).forAll(integers().between(1, 50), longs().all()).checkAssert((n, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = 10 * RandomMatrices.gaussian(random);
            }
            DenseSymmetricOperator op = DenseSymmetricOperator.diagonal(d);
            TraceEstimate estimate = new HutchinsonTrace(new HutchinsonConfig(2, 10, 1e-9, 1e-9, seed)).estimate(op);
            assertEquals(op.trace(), estimate.mean(), 1e-12 * (1 + Math.abs(op.trace())));
            assertEquals(0.0, estimate.standardError(), 1e-9);
            assertTrue(estimate.converged());
        });
    }

    @Test
    void meanOfManyProbesIsWithinFourStandardErrorsOfTheTrace() {
        qt().withFixedSeed(20260101L).withExamples(20).forAll(integers().between(5, 40), longs().all()).checkAssert((n, seed) -> {
            DenseSymmetricOperator op = new DenseSymmetricOperator(RandomMatrices.symmetric(n, seed));
            TraceEstimate estimate = new HutchinsonTrace(new HutchinsonConfig(400, 400, 1e-9, 0.0, seed)).estimate(op);
            assertEquals(400, estimate.samples());
            assertTrue(Math.abs(estimate.mean() - op.trace()) <= 4.5 * estimate.standardError(),
                    "estimate " + estimate + " vs trace " + op.trace());
        });
    }

    @Test
    void probeVarianceMatchesTheRademacherFormula() {
        double[][] a = RandomMatrices.symmetric(20, 3L);
        double frobeniusOffDiagonal = 0.0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    frobeniusOffDiagonal += a[i][j] * a[i][j];
                }
            }
        }
        double expectedVariance = 2 * frobeniusOffDiagonal;
        int samples = 4000;
        TraceEstimate estimate = new HutchinsonTrace(new HutchinsonConfig(samples, samples, 1e-12, 0.0, 8L))
                .estimate(new DenseSymmetricOperator(a));
        double variance = estimate.standardError() * estimate.standardError() * samples;
        assertEquals(expectedVariance, variance, 0.1 * expectedVariance);
    }

    @Test
    void stopsByTheStandardErrorRuleAndIsReproducible() {
        DenseSymmetricOperator op = new DenseSymmetricOperator(RandomMatrices.withSpectrum(
                new double[] {5, 6, 7, 8, 9, 10, 11, 12}, 4L));
        HutchinsonConfig config = new HutchinsonConfig(5, 10_000, 0.01, 0.0, 99L);
        TraceEstimate first = new HutchinsonTrace(config).estimate(op);
        assertTrue(first.converged());
        assertTrue(first.standardError() <= 0.01 * Math.abs(first.mean()));
        assertTrue(first.samples() < 10_000);
        assertEquals(first, new HutchinsonTrace(config).estimate(op));
        TraceEstimate capped = new HutchinsonTrace(new HutchinsonConfig(2, 3, 1e-9, 0.0, 99L)).estimate(op);
        assertFalse(capped.converged());
        assertEquals(3, capped.samples());
    }

    @Test
    void blockTracesSumToTheTraceAndTrackEachDiagonalBlock() {
        double[][] a = RandomMatrices.withSpectrum(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 6L);
        DenseSymmetricOperator op = new DenseSymmetricOperator(a);
        BlockLayout layout = BlockLayout.of(List.of("q", "k", "v"), List.of(3, 4, 5));
        Map<String, TraceEstimate> blocks = new BlockTrace(new HutchinsonConfig(2000, 2000, 1e-12, 0.0, 1L))
                .estimate(op, layout);
        double sum = 0.0;
        for (BlockLayout.Block block : layout.blocks()) {
            double exact = 0.0;
            for (int i = block.offset(); i < block.offset() + block.length(); i++) {
                exact += a[i][i];
            }
            TraceEstimate estimate = blocks.get(block.name());
            assertTrue(Math.abs(estimate.mean() - exact) <= 4.5 * estimate.standardError() + 1e-12,
                    block.name() + ": " + estimate + " vs " + exact);
            sum += estimate.mean();
        }
        assertEquals(op.trace(), sum, 0.05 * op.trace());
    }

    @Test
    void blockTracesAreExactForADiagonalOperator() {
        DenseSymmetricOperator op = DenseSymmetricOperator.diagonal(new double[] {1, 2, 3, 4, 5});
        Map<String, TraceEstimate> blocks = new BlockTrace(HutchinsonConfig.defaults(1L))
                .estimate(op, BlockLayout.of(List.of("a", "b"), List.of(2, 3)));
        assertEquals(3.0, blocks.get("a").mean(), 1e-12);
        assertEquals(12.0, blocks.get("b").mean(), 1e-12);
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        DenseSymmetricOperator op = DenseSymmetricOperator.diagonal(new double[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> new HutchinsonConfig(1, 10, 0.01, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> new HutchinsonConfig(5, 4, 0.01, 0, 1L));
        assertThrows(IllegalArgumentException.class,
                () -> new HutchinsonTrace(HutchinsonConfig.defaults(1L)).estimate(op, 2, 2));
        IllegalArgumentException layout = assertThrows(IllegalArgumentException.class,
                () -> new BlockTrace(HutchinsonConfig.defaults(1L)).estimate(op, BlockLayout.of(List.of("a"), List.of(2))));
        assertTrue(layout.getMessage().contains("dimension 3"), layout.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BlockLayout.of(List.of("a", "a"), List.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> BlockLayout.of(List.of("a"), List.of(0)));
        SymmetricOperator nan = SymmetricOperator.of(2, v -> new double[] {Double.NaN, 0});
        assertThrows(ArithmeticException.class, () -> new HutchinsonTrace(HutchinsonConfig.defaults(1L)).estimate(nan));
    }
}
