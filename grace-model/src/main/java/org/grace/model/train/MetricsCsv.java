package org.grace.model.train;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.grace.model.io.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-step metrics file, {@code metrics.csv} (RFC 4180, header
 * {@code step,loss,accuracy,lr,grad_norm,images_per_second,wall_seconds}).
 *
 * <p>Rows are appended and flushed one at a time, so a crash loses at most the row being written.
 * On resume, {@link #truncateAfter} atomically rewrites the file without the rows of steps after
 * the checkpoint (and any partial last line), so re-run steps are not duplicated. Numbers are
 * written with {@link Double#toString} (the loss and gradient norm as the floats they are), so a
 * resumed run writes the same text as an uninterrupted one, apart from the two timing columns.
 */
public final class MetricsCsv implements AutoCloseable {

    /** Column names, in order. */
    public static final List<String> HEADER =
            List.of("step", "loss", "accuracy", "lr", "grad_norm", "images_per_second", "wall_seconds");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final Path file;
    private final BufferedWriter writer;
    private final CSVPrinter printer;

    private MetricsCsv(Path file) throws IOException {
        this.file = file;
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.printer = new CSVPrinter(writer, FORMAT);
    }

    /** Atomically replaces {@code file} with just the header, then opens it for appending. */
    public static MetricsCsv create(Path file) {
        try {
            AtomicFiles.writeString(file, FORMAT.format(HEADER.toArray()) + "\n");
            return new MetricsCsv(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create metrics file " + file, e);
        }
    }

    /**
     * Keeps the header and the rows of steps {@code 1..lastStep} of {@code file}, rewriting it
     * atomically, then opens it for appending.
     *
     * @return the opened file and the wall seconds of the last kept row (0 if none)
     * @throws UncheckedIOException if the file is missing, has another header, or a row with a
     *     malformed step, naming the file and line
     */
    public static Resumed truncateAfter(Path file, int lastStep) {
        List<List<String>> kept = new ArrayList<>();
        double wall = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            boolean header = true;
            for (CSVRecord row : parser) {
                if (header) {
                    if (!row.toList().equals(HEADER)) {
                        throw new IOException("metrics file " + file + " has header " + row.toList() + ", expected " + HEADER);
                    }
                    header = false;
                    continue;
                }
                if (row.size() != HEADER.size()) {
                    break;
                }
                int step = parseStep(file, row);
                if (step <= lastStep) {
                    kept.add(row.toList());
                    wall = Double.parseDouble(row.get(HEADER.size() - 1));
                }
            }
            StringWriter text = new StringWriter();
            try (CSVPrinter out = new CSVPrinter(text, FORMAT)) {
                out.printRecord(HEADER);
                for (List<String> row : kept) {
                    out.printRecord(row);
                }
            }
            AtomicFiles.writeString(file, text.toString());
            return new Resumed(new MetricsCsv(file), wall);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume metrics file " + file + ": " + e.getMessage(), e);
        } catch (IllegalStateException | UncheckedIOException | NumberFormatException e) {
            throw new UncheckedIOException("malformed metrics file " + file + ": " + e.getMessage(), new IOException(e));
        }
    }

    private static int parseStep(Path file, CSVRecord row) throws IOException {
        try {
            return Integer.parseInt(row.get(0));
        } catch (NumberFormatException e) {
            throw new IOException("metrics file " + file + " record " + row.getRecordNumber() + ": step '" + row.get(0)
                    + "' is not an integer", e);
        }
    }

    /** Appends one row and flushes it to the file. */
    public void append(StepMetrics m) {
        try {
            printer.printRecord(m.step(), m.loss(), Double.isNaN(m.accuracy()) ? "" : m.accuracy(), m.learningRate(),
                    m.gradNorm(), m.imagesPerSecond(), m.wallSeconds());
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to metrics file " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close metrics file " + file, e);
        }
    }

    /** A metrics file reopened for appending after {@link #truncateAfter}. */
    public record Resumed(MetricsCsv csv, double wallSeconds) {
    }
}
