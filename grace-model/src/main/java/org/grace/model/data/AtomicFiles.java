package org.grace.model.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files atomically: the content goes to a temporary file in the target's folder, which is
 * then moved over the target, so a reader never sees a half-written file.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code target} atomically with {@code writer}; creates missing parent folders. */
    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    writer.write(out);
                }
                try {
                    Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute, e);
        }
    }

    /** Writes UTF-8 text atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
