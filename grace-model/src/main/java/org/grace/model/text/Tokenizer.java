package org.grace.model.text;

import java.util.List;

/**
 * Turns text into the fixed-length token-id rows a CLIP text tower reads.
 *
 * <p>Contract shared by every implementation (CLIP BPE at paper scale, word-level at embedded
 * scale): a row is {@code [startToken] + encode(text) + [endToken]}, zero-padded to
 * {@link #contextLength()}. When the row would be longer, it is cut to the context length and its
 * last id is replaced by {@link #endToken()} (open_clip's {@code truncate=True}). The end token has
 * the largest id of the vocabulary, so the text tower may pool at {@code argmax(ids)}.
 */
public interface Tokenizer {

    /** Number of token ids; valid ids are {@code 0 .. vocabSize()-1}. */
    int vocabSize();

    /** Length of every row returned by {@link #tokenize(String)}. */
    int contextLength();

    /** Id prepended to every row. */
    int startToken();

    /** Id appended to every row; the largest id of the vocabulary. */
    int endToken();

    /** Token ids of the text, without start and end tokens and without truncation. */
    List<Integer> encode(String text);

    /** One row: start, ids, end, zero padding; truncated to the context length keeping the end token. */
    long[] tokenize(String text);

    /** One row per text, as {@link #tokenize(String)}. */
    default long[][] tokenize(List<String> texts) {
        long[][] rows = new long[texts.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = tokenize(texts.get(i));
        }
        return rows;
    }
}
