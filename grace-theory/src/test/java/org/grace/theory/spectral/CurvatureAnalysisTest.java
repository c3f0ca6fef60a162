package org.grace.theory.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurvatureAnalysisTest {

    @Test
    void reportsLambdaMaxTraceBlocksAndDensityWithTheProductsSpent() {
        double[] spectrum = new double[40];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = 0.1 * i;
        }
        spectrum[39] = 20.0;
        double[][] a = RandomMatrices.withSpectrum(spectrum, 3L);
        DenseSymmetricOperator op = new DenseSymmetricOperator(a);
        BlockLayout layout = BlockLayout.of(List.of("lora_A", "lora_B"), List.of(15, 25));
        CurvatureReport report = new CurvatureAnalysis(CurvatureConfig.defaults(7L)).analyse(op, layout);
        assertEquals(20.0, report.lanczos().lambdaMax(), 20.0 * 1e-3);
        assertTrue(Math.abs(report.trace().mean() - op.trace()) <= 4.5 * report.trace().standardError() + 1e-9);
        assertEquals(2, report.blockTraces().size());
        assertNotNull(report.density());
        long expected = 2L * 2 + report.lanczos().steps() + report.trace().samples()
                + report.blockTraces().values().stream().mapToLong(TraceEstimate::samples).sum()
                + report.density().nodes().stream().mapToLong(n -> n.length).sum();
        assertEquals(expected, report.products());
    }

    @Test
    void refusesANonSymmetricOperator() {
        SymmetricOperator skew = SymmetricOperator.of(3, v -> new double[] {v[1], -v[0], v[2]});
        assertThrows(IllegalArgumentException.class, () -> new CurvatureAnalysis(CurvatureConfig.defaults(1L))
                .analyse(skew, BlockLayout.of(List.of("all"), List.of(3))));
    }

    @Test
    void layerTracesSumBlocksAndRankCorrelateWithAllocatedRanks() {
        Map<String, TraceEstimate> blocks = new LinkedHashMap<>();
        blocks.put("layer0.A", new TraceEstimate(1.0, 0.3, 10, true));
        blocks.put("layer0.B", new TraceEstimate(2.0, 0.4, 10, true));
        blocks.put("layer1.A", new TraceEstimate(10.0, 1.0, 10, true));
        blocks.put("layer2.A", new TraceEstimate(5.0, 1.0, 10, false));
        Map<String, TraceEstimate> layers = LayerCurvature.byLayer(blocks, n -> n.substring(0, n.indexOf('.')));
        assertEquals(3.0, layers.get("layer0").mean(), 1e-12);
        assertEquals(0.5, layers.get("layer0").standardError(), 1e-12);
        assertEquals(List.of("layer0", "layer1", "layer2"), List.copyOf(layers.keySet()));
        assertEquals(1.0, LayerCurvature.spearman(layers, Map.of("layer0", 2, "layer1", 8, "layer2", 4)), 1e-12);
        assertEquals(-1.0, LayerCurvature.spearman(layers, Map.of("layer0", 8, "layer1", 2, "layer2", 4)), 1e-12);
        assertEquals(0.8660254037844387, LayerCurvature.spearman(layers, Map.of("layer0", 2, "layer1", 4, "layer2", 4)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LayerCurvature.spearman(layers, Map.of("layer0", 2)));
        assertThrows(IllegalArgumentException.class,
                () -> LayerCurvature.spearman(layers, Map.of("layer0", 2, "layer1", 2, "layer2", 2)));
    }
}
