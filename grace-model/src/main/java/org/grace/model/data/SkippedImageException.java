package org.grace.model.data;

import java.nio.file.Path;

/**
 * Thrown by a dataset whose policy is to skip unreadable images, for an example that could not be
 * read; {@link Batches} leaves the example out of its batch. The dataset has already counted it.
 */
public final class SkippedImageException extends RuntimeException {

    private final transient Path path;

    public SkippedImageException(Path path, Throwable cause) {
        super("skipped unreadable image " + path, cause);
        this.path = path;
    }

    /** The file that could not be read. */
    public Path path() {
        return path;
    }
}
