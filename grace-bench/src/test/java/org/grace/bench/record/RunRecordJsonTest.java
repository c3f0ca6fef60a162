package org.grace.bench.record;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class RunRecordJsonTest {

    @Test
    void everyDoubleSurvivesTheRoundTripExactly() {
        qt().forAll(doubles().any(), integers().between(0, 1000)).checkAssert((v, seed) -> {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("x", v);
            RunRecord r = new RunRecord(RunRecord.SCHEMA, "grace", seed, "embedded", "clean", metrics,
                    Map.of("s", List.of(v, 1.0)), Map.of(), Map.of());
            String line = RunRecordJson.write(r);
            assertFalse(line.contains("\n"));
            RunRecord back = RunRecordJson.read(line, "test");
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(back.metrics().get("x")));
            assertEquals(r.key(), back.key());
        });
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNamedStrings() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("nan", Double.NaN);
        metrics.put("inf", Double.POSITIVE_INFINITY);
        String line = RunRecordJson.write(new RunRecord(RunRecord.SCHEMA, "ft", 0, "embedded", "theory", metrics,
                Map.of(), Map.of(), Map.of()));
        assertTrue(line.contains("\"NaN\"") && line.contains("\"Infinity\""), line);
    }

    @Test
    void aNonNumericMetricIsRejectedWithItsName() {
        String line = "{\"schema\":1,\"method\":\"ft\",\"seed\":0,\"scale\":\"embedded\",\"evaluation\":\"clean\","
                + "\"metrics\":{\"id\":\"high\"},\"series\":{},\"notes\":{},\"provenance\":{}}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRecordJson.read(line, "f:3"));
        assertTrue(e.getMessage().contains("f:3") && e.getMessage().contains("id"), e.getMessage());
    }

    @Test
    void anUnknownSchemaIsRejected() {
        String line = "{\"schema\":9,\"method\":\"ft\",\"seed\":0,\"scale\":\"embedded\",\"evaluation\":\"clean\","
                + "\"metrics\":{},\"series\":{},\"notes\":{},\"provenance\":{}}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRecordJson.read(line, "f:1"));
        assertTrue(e.getMessage().contains("schema 9"), e.getMessage());
    }
}
