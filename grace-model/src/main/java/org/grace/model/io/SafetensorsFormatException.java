package org.grace.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file is not a valid safetensors file, or holds a tensor that cannot be read the way it was
 * asked for. The message always starts with the file's path and, where one tensor is at fault,
 * names that tensor together with the expected and the found values.
 *
 * <p>It extends {@link IOException} (not {@link IllegalArgumentException}) because what is wrong
 * is the content of a file, not an argument of the caller: like {@link java.util.zip.ZipException}
 * it belongs with the other reasons a file cannot be read, every caller of
 * {@link SafetensorsFile#open(Path)} already handles {@code IOException}, and being checked it
 * reminds callers that a downloaded checkpoint can be truncated or corrupt.
 */
public final class SafetensorsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String tensorName;

    /**
     * @param file the file at fault
     * @param tensorName the tensor at fault, or {@code null} when the fault is not one tensor's
     * @param detail what is wrong, with expected and found values
     */
    public SafetensorsFormatException(Path file, String tensorName, String detail) {
        super(message(file, tensorName, detail));
        this.file = Objects.requireNonNull(file, "file");
        this.tensorName = tensorName;
    }

    private static String message(Path file, String tensorName, String detail) {
        String where = tensorName == null ? "" : ": tensor '" + tensorName + "'";
        return "safetensors file " + file + where + ": " + detail;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The tensor at fault, or {@code null} when the fault concerns the whole file. */
    public String tensorName() {
        return tensorName;
    }
}
