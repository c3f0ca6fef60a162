package org.grace.model.text;

import java.util.List;

/**
 * Assembles one fixed-length row, {@code [start] + ids + [end]} zero-padded to the context length;
 * a longer row is cut to the context length and its last id replaced by the end token, as
 * open_clip's {@code tokenize(..., truncate=True)} and {@code clip.tokenize(..., truncate=True)}.
 */
final class TokenRows {

    /** The shortest context that holds the start and end tokens. */
    static final int MIN_CONTEXT_LENGTH = 2;

    private TokenRows() {
    }

    /** Rejects context lengths that cannot hold start and end tokens. */
    static int checkContextLength(int contextLength) {
        if (contextLength < MIN_CONTEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "contextLength must be >= " + MIN_CONTEXT_LENGTH + " (start + end token), got " + contextLength);
        }
        return contextLength;
    }

    static long[] assemble(List<Integer> ids, int startToken, int endToken, int contextLength) {
        long[] row = new long[contextLength];
        row[0] = startToken;
        int kept = Math.min(ids.size(), contextLength - 2);
        for (int i = 0; i < kept; i++) {
            row[i + 1] = ids.get(i);
        }
        // A cut row keeps contextLength - 2 text ids, so the end token still lands last.
        row[kept + 1] = endToken;
        return row;
    }
}
