package org.grace.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void writesTextAndCreatesMissingParentFolders() throws IOException {
        Path target = folder.resolve("a/b/c/report.md");
        AtomicFiles.writeString(target, "ünïcödé ✓\n");
        assertEquals("ünïcödé ✓\n", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("report.md"), entries(target.getParent()));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = folder.resolve("data.bin");
        Files.write(target, new byte[] {1, 2, 3, 4, 5});
        AtomicFiles.writeBytes(target, new byte[] {9});
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(target));
        assertEquals(List.of("data.bin"), entries(folder));
    }

    @Test
    void failingWriterLeavesTheOldTargetIntactAndNoTemporaryFile() throws IOException {
        Path target = folder.resolve("weights.safetensors");
        Files.writeString(target, "old content");
        IOException failure = new IOException("disk full (simulated)");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[200_000]);
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of("weights.safetensors"), entries(folder));
    }

    @Test
    void writerThrowingUncheckedExceptionAlsoLeavesNothingBehind() throws IOException {
        Path target = folder.resolve("fresh.txt");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug in the writer");
        }));
        assertEquals(List.of(), entries(folder), "no target and no temporary file");
    }

    @Test
    void rejectedSafetensorsInputKeepsThePreviousCheckpoint() throws IOException {
        Path target = folder.resolve("model.safetensors");
        SafetensorsWriter.write(target, Map.of("w", FloatTensor.scalar(1)), Map.of());
        byte[] before = Files.readAllBytes(target);
        Map<String, FloatTensor> bad = new LinkedHashMap<>();
        bad.put("w", FloatTensor.scalar(2));
        bad.put(null, FloatTensor.scalar(3));
        assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.write(target, bad, Map.of()));
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of("model.safetensors"), entries(folder));
    }

    @Test
    void writerMayCloseTheStreamItIsGiven() throws IOException {
        Path target = folder.resolve("closed.txt");
        AtomicFiles.write(target, out -> {
            out.write("done".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertEquals("done", Files.readString(target));
    }

    @Test
    void refusesToReplaceADirectory() throws IOException {
        Path target = Files.createDirectory(folder.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertTrue(e.getMessage().contains(target + ": it is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void resultHasTheSamePermissionsAsAPlainWrite() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.writeString(folder.resolve("plain.txt"), "x");
        Path atomic = folder.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    private static List<String> entries(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
