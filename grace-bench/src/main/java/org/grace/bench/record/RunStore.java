package org.grace.bench.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Append-only store of {@link RunRecord}s: one JSON line per record in {@code <folder>/<file>.jsonl}
 * (a shard writes its own file, so shards never share a file).
 *
 * <p>Crash safety: each record is written as one line and forced to disk before {@link #append}
 * returns. A process killed mid-write can leave at most one torn last line without its newline;
 * opening the store cuts that tail off (and says so), so a rerun appends after the last complete
 * record. A key already present is never written twice.
 */
public final class RunStore {

    private final Path file;
    private final Map<String, RunRecord> records = new LinkedHashMap<>();

    private RunStore(Path file) {
        this.file = file;
    }

    /** Opens (creating the folder) {@code folder/name.jsonl}, repairing a torn last line. */
    public static RunStore open(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            RunStore store = new RunStore(folder.resolve(name + ".jsonl"));
            if (Files.exists(store.file)) {
                store.repairTail();
                for (RunRecord r : readFile(store.file)) {
                    store.records.put(r.key(), r);
                }
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open run store in " + folder, e);
        }
    }

    /** Whether a record with this key is stored. */
    public boolean contains(String key) {
        return records.containsKey(key);
    }

    /** The records of this store, in file order. */
    public List<RunRecord> records() {
        return List.copyOf(records.values());
    }

    /** The file this store appends to. */
    public Path file() {
        return file;
    }

    /**
     * Appends {@code r} and forces it to disk.
     *
     * @throws IllegalStateException when the key is already stored (a resumed run must skip it)
     */
    public synchronized void append(RunRecord r) {
        if (records.containsKey(r.key())) {
            throw new IllegalStateException("run record " + r.key() + " is already in " + file);
        }
        byte[] line = (RunRecordJson.write(r) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(line));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        records.put(r.key(), r);
    }

    /**
     * Every record in every {@code *.jsonl} file of {@code folder} (sorted by file name, then file
     * order). A key found in two files keeps the first and must be identical in its numbers, or
     * this throws naming both files.
     */
    public static List<RunRecord> readAll(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("run folder " + folder + " does not exist");
        }
        Map<String, RunRecord> out = new LinkedHashMap<>();
        Map<String, Path> origin = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                for (RunRecord r : readFile(f)) {
                    RunRecord seen = out.get(r.key());
                    if (seen == null) {
                        out.put(r.key(), r);
                        origin.put(r.key(), f);
                    } else if (!seen.metrics().equals(r.metrics()) || !seen.series().equals(r.series())) {
                        throw new IllegalArgumentException("run record " + r.key() + " differs between "
                                + origin.get(r.key()) + " and " + f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return List.copyOf(out.values());
    }

    private static List<RunRecord> readFile(Path f) throws IOException {
        List<RunRecord> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.add(RunRecordJson.read(lines.get(i), f + " line " + (i + 1)));
            }
        }
        return out;
    }

    private void repairTail() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            System.err.printf("run store %s: dropping a torn last line (%d bytes) left by an interrupted run%n",
                    file, bytes.length - end);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
                ch.force(true);
            }
        }
    }
}
