package org.grace.model.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old content or the complete new content, never a
 * half-written file: the content goes to a temporary file in the target's own folder
 * ({@code .NAME.RANDOM.tmp}), is flushed to disk ({@link FileChannel#force}), and is then renamed
 * over the target with {@link StandardCopyOption#ATOMIC_MOVE} (POSIX {@code rename(2)}). If
 * writing fails, the temporary file is deleted and the old target, if any, is left untouched.
 * Missing parent folders are created.
 *
 * <p>Departures from a fully durable write: the folder is not fsync'ed after the rename (Java has
 * no portable way to), so after a power loss the rename itself may be lost, leaving the old file;
 * and where the file system cannot rename atomically ({@link AtomicMoveNotSupportedException},
 * e.g. some network file systems) the move falls back to a plain
 * {@link StandardCopyOption#REPLACE_EXISTING} move. The temporary file gets the process's default
 * permissions (not the owner-only ones of {@link Files#createTempFile}), so the result is as
 * readable as a file written directly.
 */
public final class AtomicFiles {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int NAME_ATTEMPTS = 16;

    private AtomicFiles() {
    }

    /** Atomically replaces {@code target} with {@code text} encoded as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * As {@link #writeString(Path, String)}, for callers without checked exceptions: a failure is an
     * {@link java.io.UncheckedIOException} naming the target.
     */
    public static void writeStringUnchecked(Path target, String text) {
        writeUnchecked(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * As {@link #write(Path, IOConsumer)}, for callers without checked exceptions: a failure is an
     * {@link java.io.UncheckedIOException} naming the target.
     */
    public static void writeUnchecked(Path target, IOConsumer<OutputStream> writer) {
        try {
            write(target, writer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + target.toAbsolutePath(), e);
        }
    }

    /** Atomically replaces {@code target} with {@code bytes}. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(target, out -> out.write(bytes));
    }

    /**
     * Atomically replaces {@code target} with what {@code writer} writes to the (buffered) stream
     * it is given. The writer may close the stream or not; either way the stream is flushed,
     * forced to disk and closed here. An exception from the writer propagates unchanged after the
     * temporary file is deleted.
     */
    public static void write(Path target, IOConsumer<OutputStream> writer) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(writer, "writer");
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write file " + target + ": it is a directory");
        }
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = createTemporary(folder, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(new UnclosableStream(Channels.newOutputStream(channel)),
                        BUFFER_BYTES);
                writer.accept(out);
                out.flush();
                channel.force(true);
            }
            move(temporary, absolute);
        } catch (IOException | RuntimeException | Error failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path createTemporary(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path candidate = folder.resolve("." + name + "." + suffix + ".tmp");
            try {
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= NAME_ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    /** Lets the caller's writer close "its" stream without closing the channel before it is forced. */
    private static final class UnclosableStream extends FilterOutputStream {

        UnclosableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
