package org.grace.bench.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunStoreTest {

    static RunRecord record(String method, int seed, String evaluation, double value) {
        return new RunRecord(RunRecord.SCHEMA, method, seed, "embedded", evaluation, Map.of("id", value),
                Map.of("loss", List.of(1.0, 0.5)), Map.of("note", "x"), Map.of("commit", "abc"));
    }

    @Test
    void appendedRecordsAreReadBackInOrderAfterReopening(@TempDir Path dir) {
        RunStore store = RunStore.open(dir, "runs");
        store.append(record("ft", 0, "clean", 0.5));
        store.append(record("ft", 1, "clean", 0.6));
        RunStore reopened = RunStore.open(dir, "runs");
        assertEquals(store.records(), reopened.records());
        assertTrue(reopened.contains("ft/seed1/clean"));
    }

    @Test
    void aKeyIsNeverWrittenTwice(@TempDir Path dir) {
        RunStore store = RunStore.open(dir, "runs");
        store.append(record("ft", 0, "clean", 0.5));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.append(record("ft", 0, "clean", 0.7)));
        assertTrue(e.getMessage().contains("ft/seed0/clean"), e.getMessage());
    }

    @Test
    void aTornLastLineIsCutOffSoTheRunCanContinue(@TempDir Path dir) throws Exception {
        RunStore store = RunStore.open(dir, "runs");
        store.append(record("ft", 0, "clean", 0.5));
        String half = RunRecordJson.write(record("ft", 1, "clean", 0.6)).substring(0, 40);
        Files.writeString(store.file(), half, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunStore reopened = RunStore.open(dir, "runs");
        assertEquals(1, reopened.records().size());
        reopened.append(record("ft", 1, "clean", 0.6));
        assertEquals(2, RunStore.open(dir, "runs").records().size());
    }

    @Test
    void readAllMergesShardFilesAndRejectsConflicts(@TempDir Path dir) {
        RunStore.open(dir, "runs-shard-1-of-2").append(record("ft", 0, "clean", 0.5));
        RunStore.open(dir, "runs-shard-2-of-2").append(record("grace", 0, "clean", 0.6));
        assertEquals(2, RunStore.readAll(dir).size());
        RunStore.open(dir, "runs-extra").append(record("ft", 0, "clean", 0.9));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunStore.readAll(dir));
        assertTrue(e.getMessage().contains("ft/seed0/clean"), e.getMessage());
    }

    @Test
    void aMalformedLineNamesItsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runs.jsonl"), RunRecordJson.write(record("ft", 0, "clean", 0.5)) + "\n{\"schema\":1}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunStore.readAll(dir));
        assertTrue(e.getMessage().contains("runs.jsonl line 2"), e.getMessage());
    }

    @Test
    void readingAMissingFolderIsAClearError(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunStore.readAll(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
