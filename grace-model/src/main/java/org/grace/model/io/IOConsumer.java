package org.grace.model.io;

import java.io.IOException;

/**
 * A {@link java.util.function.Consumer} that may throw {@link IOException}, for code that writes
 * to a stream handed to it (see {@link AtomicFiles#write(java.nio.file.Path, IOConsumer)}).
 *
 * @param <T> what is consumed
 */
@FunctionalInterface
public interface IOConsumer<T> {

    /** Consumes {@code value}. */
    void accept(T value) throws IOException;
}
