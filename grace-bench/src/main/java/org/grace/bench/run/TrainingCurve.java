package org.grace.bench.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's loss curve and cumulative training wall time, read back from the loop's
 * {@code metrics.csv} (whose wall time the loop carries across resumes), thinned to at most
 * {@code maxPoints} evenly spaced steps (the last step always kept).
 */
public record TrainingCurve(List<Double> steps, List<Double> losses, double wallSeconds) {

    /** Reads {@code folder/metrics.csv}. */
    public static TrainingCurve read(Path folder, int maxPoints) {
        Path file = folder.resolve("metrics.csv");
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            rows = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training metrics " + file, e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("training metrics " + file + " has no rows");
        }
        int stride = Math.max(1, (int) Math.ceil(rows.size() / (double) maxPoints));
        List<Double> steps = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i % stride == 0 || i == rows.size() - 1) {
                steps.add(Double.parseDouble(rows.get(i).get("step")));
                losses.add(Double.parseDouble(rows.get(i).get("loss")));
            }
        }
        double wall = Double.parseDouble(rows.get(rows.size() - 1).get("wall_seconds"));
        return new TrainingCurve(steps, losses, wall);
    }
}
