package org.grace.model.data.imagenet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WnidIndexTest {

    @TempDir
    Path dir;

    @Test
    void fileLineIsTheClassIndex() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(Fixtures.wnid(i) + " some label text");
        }
        Path file = dir.resolve("wnids.txt");
        Files.write(file, lines);
        WnidIndex index = WnidIndex.fromFile(file);
        assertEquals(417, index.index("n00000417"));
        assertEquals("n00000999", index.wnid(999));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.index("n99999999"));
        assertTrue(e.getMessage().contains("n99999999"));
    }

    @Test
    void duplicatesAndNonWnidsAreRejected() {
        List<String> wnids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            wnids.add(Fixtures.wnid(i == 5 ? 4 : i));
        }
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> WnidIndex.of(wnids));
        assertTrue(dup.getMessage().contains("n00000004"), dup.getMessage());
        wnids.set(5, "cat");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> WnidIndex.of(wnids));
        assertTrue(bad.getMessage().contains("'cat'"), bad.getMessage());
    }
}
