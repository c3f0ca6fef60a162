package org.grace.model.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsCsvTest {

    @TempDir
    Path folder;

    private static StepMetrics row(int step, double accuracy) {
        return new StepMetrics(step, 1.5 / step, accuracy, 1e-3, 0.25, 100.0, step * 2.0);
    }

    @Test
    void rowsAreAppendedUnderTheHeaderAndAMissingAccuracyIsAnEmptyCell() throws Exception {
        Path file = folder.resolve("metrics.csv");
        try (MetricsCsv csv = MetricsCsv.create(file)) {
            csv.append(row(1, 0.5));
            assertEquals(2, Files.readAllLines(file).size(), "each row is flushed as it is appended");
            csv.append(row(2, Double.NaN));
        }
        assertEquals(List.of(String.join(",", MetricsCsv.HEADER),
                "1,1.5,0.5,0.001,0.25,100.0,2.0",
                "2,0.75,,0.001,0.25,100.0,4.0"), Files.readAllLines(file));
    }

    @Test
    void truncatingDropsRowsAfterTheCheckpointAndAPartialLastLine() throws Exception {
        Path file = folder.resolve("metrics.csv");
        try (MetricsCsv csv = MetricsCsv.create(file)) {
            for (int step = 1; step <= 5; step++) {
                csv.append(row(step, 0.5));
            }
        }
        Files.writeString(file, "6,0.2", java.nio.file.StandardOpenOption.APPEND);
        MetricsCsv.Resumed resumed = MetricsCsv.truncateAfter(file, 3);
        try (MetricsCsv csv = resumed.csv()) {
            assertEquals(6.0, resumed.wallSeconds(), 0, "wall seconds of step 3 carry over");
            csv.append(row(4, 0.75));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size());
        assertTrue(lines.get(3).startsWith("3,"));
        assertEquals("4,0.375,0.75,0.001,0.25,100.0,8.0", lines.get(4));
    }

    @Test
    void aFileWithAnotherHeaderIsRejectedNamingTheFile() throws Exception {
        Path file = folder.resolve("other.csv");
        Files.writeString(file, "epoch,loss\n1,2\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> MetricsCsv.truncateAfter(file, 1));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("header"), e.getMessage());
    }
}
