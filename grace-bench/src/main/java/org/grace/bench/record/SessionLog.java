package org.grace.bench.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The wall time of every process that worked on a store: one line per session in
 * {@code <folder>/<store>.sessions.csv} ({@code started_utc,seconds,cells_run,cells_in_grid}),
 * appended and forced to disk like the records. A reproduction resumed three times, or split
 * over shards, reports the sum of its sessions, not the last session's seconds.
 */
public final class SessionLog {

    static final String HEADER = "started_utc,seconds,cells_run,cells_in_grid\n";

    private SessionLog() {
    }

    /** Appends one session. */
    public static void append(Path folder, String store, String startedUtc, double seconds, int cellsRun, int cells) {
        Path file = folder.resolve(store + ".sessions.csv");
        String line = String.format(Locale.ROOT, "%s,%.1f,%d,%d%n", startedUtc, seconds, cellsRun, cells);
        try {
            Files.createDirectories(folder);
            boolean fresh = !Files.exists(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(ByteBuffer.wrap(((fresh ? HEADER : "") + line).getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** The summed seconds of every session in every {@code *.sessions.csv} of {@code folder} (0 if none). */
    public static double totalSeconds(Path folder) {
        double sum = 0;
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".sessions.csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 1; i < lines.size(); i++) {
                    String[] cells = lines.get(i).split(",");
                    if (cells.length != 4) {
                        continue; // a torn last line from a killed process: its session did not finish
                    }
                    try {
                        sum += Double.parseDouble(cells[1]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(f + " line " + (i + 1) + ": seconds '" + cells[1]
                                + "' is not a number", e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read session logs in " + folder, e);
        }
        return sum;
    }
}
