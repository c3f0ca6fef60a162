package org.grace.model.data.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescribeWorldTest {

    @TempDir
    Path out;

    @Test
    void writesSizesBalanceAndAGridPerSplitAndLeavesNoTemporaryFiles() throws Exception {
        DescribeWorld.describe(SmallWorld.world(), out);
        String md = Files.readString(out.resolve("synth-splits.md"));
        assertTrue(md.contains("| synth-a | 40 | 8 | [0, 2, 3, 4, 5, 6, 7, 8] | 5/5 |"), md);
        assertTrue(md.contains("A filtration kept 40 of"), md);
        String csv = Files.readString(out.resolve("synth-splits.csv"));
        assertEquals(1 + 16, csv.lines().count());
        BufferedImage id = ImageIO.read(out.resolve("synth-id-train.png").toFile());
        assertNotNull(id);
        // 8 columns and 10 class rows of 32 px cells enlarged 4x with 4 px gutters.
        assertEquals(8 * (32 * 4 + 4) + 4, id.getWidth());
        assertEquals(10 * (32 * 4 + 4) + 4, id.getHeight());
        assertTrue(Files.readString(out.resolve("synth-captions.md")).contains("Vocabulary ("));
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
        try (var files = Files.list(out)) {
            assertEquals(16 + 4, files.count());
        }
    }
}
