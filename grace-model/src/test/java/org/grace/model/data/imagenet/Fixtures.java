package org.grace.model.data.imagenet;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds small dataset folders for the reader tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Synthetic wnids {@code n00000000 .. n00000999}: wnid {@code i} is class {@code i}. */
    static WnidIndex syntheticWnids() {
        List<String> wnids = new ArrayList<>();
        for (int i = 0; i < WnidIndex.CLASSES; i++) {
            wnids.add(wnid(i));
        }
        return WnidIndex.of(wnids);
    }

    static String wnid(int index) {
        return String.format("n%08d", index);
    }

    /** Writes a {@code w × h} pattern image as PNG or JPEG (by extension) at {@code file}. */
    static Path image(Path file, int w, int h) {
        try {
            Files.createDirectories(file.getParent());
            String format = file.toString().toLowerCase().endsWith(".png") ? "png" : "jpg";
            BufferedImage image = TestImages.toBuffered(TestImages.pattern(w, h));
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IOException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes that no image decoder accepts. */
    static Path garbage(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, "this is not an image".getBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
