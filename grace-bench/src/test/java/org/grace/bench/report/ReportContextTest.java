package org.grace.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportContextTest {

    @Test
    void validContextKeepsItsSeedsInOrder() {
        assertEquals("0 1 2", SyntheticRuns.context().seedsText());
    }

    @Test
    void blankOrMultiLineFieldsAndNegativeWallTimeAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReportContext("embedded", List.of(0), " ", "jvm", "djl", "torch", "cpu", 1, "cmd"));
        assertTrue(e.getMessage().contains("commit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ReportContext("embedded", List.of(0), "c", "jvm", "djl", "torch", "cpu\ngpu", 1, "cmd"));
        assertTrue(e.getMessage().contains("hardware"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ReportContext("embedded", List.of(0), "c", "jvm", "djl", "torch", "cpu", -1, "cmd"));
        assertTrue(e.getMessage().contains("wallTimeS"), e.getMessage());
    }
}
