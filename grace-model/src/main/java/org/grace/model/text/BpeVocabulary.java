package org.grace.model.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tables of a CLIP byte-level BPE tokenizer: the token of every id and the ranked merge list.
 *
 * <p>Definition (openai/CLIP {@code simple_tokenizer.py}, {@code SimpleTokenizer.__init__}): the
 * merges are rank-ordered pairs of symbols; the OpenAI vocabulary is the 256 byte characters of
 * {@link ByteUnicodeMap} (in its value order), the same 256 characters with the end-of-word suffix
 * {@code "</w>"}, the concatenation {@code left + right} of every merge in rank order, and finally
 * {@code <|startoftext|>} and {@code <|endoftext|>}. With the 48,894 merges of
 * {@code bpe_simple_vocab_16e6.txt.gz} this is 49,408 ids, start 49,406 and end 49,407. HF's
 * {@code vocab.json} + {@code merges.txt} (transformers {@code CLIPTokenizer},
 * {@code convert_slow_tokenizer.CLIPConverter}) store the same two tables explicitly.
 *
 * <p>Invariants checked on construction, so that encoding and decoding can never fail: tokens are
 * unique and non-empty; every character of every token is a byte character, so every id decodes;
 * all 512 base symbols are present, so every text encodes; each merge's parts and result are
 * tokens; the start and end tokens exist and the end token has the largest id, as the
 * {@link Tokenizer} contract requires. Violations name the {@code source} and the token or merge.
 */
public final class BpeVocabulary {

    /** Token prepended to every row. */
    public static final String START_OF_TEXT = "<|startoftext|>";
    /** Token appended to every row; HF also uses it as unk and pad token. */
    public static final String END_OF_TEXT = "<|endoftext|>";
    /** Suffix marking the last symbol of a pre-token. */
    public static final String END_OF_WORD = "</w>";

    /** A merge rule: the adjacent symbols {@code left}, {@code right} become {@code left + right}. */
    public record Merge(String left, String right) {
        /** Rejects empty symbols and symbols containing a space, which merge files cannot encode. */
        public Merge {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            if (left.isEmpty() || right.isEmpty() || left.contains(" ") || right.contains(" ")) {
                throw new IllegalArgumentException("merge symbols must be non-empty and contain no space, got '"
                        + left + "' '" + right + "'");
            }
        }

        /** The symbol this merge produces. */
        public String merged() {
            return left + right;
        }
    }

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final List<Merge> merges;
    private final int startToken;
    private final int endToken;

    /**
     * Tables given explicitly, e.g. read from HF files.
     *
     * @param tokens the token of each id, in id order
     * @param merges the merges in rank order (rank = index)
     * @param source what the tables were read from, named in error messages
     */
    public BpeVocabulary(List<String> tokens, List<Merge> merges, String source) {
        this.tokens = List.copyOf(tokens);
        this.merges = List.copyOf(merges);
        this.ids = indexTokens(this.tokens, source);
        checkBaseSymbols(source);
        checkMerges(source);
        this.startToken = requireToken(START_OF_TEXT, source);
        this.endToken = requireToken(END_OF_TEXT, source);
        if (endToken != this.tokens.size() - 1) {
            throw new IllegalArgumentException(source + ": " + END_OF_TEXT + " must have the largest id "
                    + (this.tokens.size() - 1) + ", has " + endToken);
        }
    }

    /** OpenAI's construction: base symbols, base symbols + {@code </w>}, one id per merge, start, end. */
    public static BpeVocabulary fromMerges(List<Merge> merges, String source) {
        List<String> tokens = new ArrayList<>(2 * ByteUnicodeMap.BYTE_COUNT + merges.size() + 2);
        for (char c : ByteUnicodeMap.charsInVocabOrder()) {
            tokens.add(String.valueOf(c));
        }
        for (char c : ByteUnicodeMap.charsInVocabOrder()) {
            tokens.add(c + END_OF_WORD);
        }
        for (Merge merge : merges) {
            tokens.add(merge.merged());
        }
        tokens.add(START_OF_TEXT);
        tokens.add(END_OF_TEXT);
        return new BpeVocabulary(tokens, merges, source);
    }

    private static Map<String, Integer> indexTokens(List<String> tokens, String source) {
        Map<String, Integer> index = new HashMap<>(2 * tokens.size());
        for (int id = 0; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException(source + ": token of id " + id + " is empty");
            }
            for (int i = 0; i < token.length(); i++) {
                if (ByteUnicodeMap.decode(token.charAt(i)) < 0) {
                    throw new IllegalArgumentException(source + ": token '" + token + "' (id " + id
                            + ") has character U+" + String.format("%04X", (int) token.charAt(i))
                            + ", which is not a byte character, so it could not be decoded");
                }
            }
            Integer previous = index.put(token, id);
            if (previous != null) {
                throw new IllegalArgumentException(source + ": token '" + token + "' has two ids, "
                        + previous + " and " + id);
            }
        }
        return Collections.unmodifiableMap(index);
    }

    private void checkBaseSymbols(String source) {
        for (char c : ByteUnicodeMap.charsInVocabOrder()) {
            for (String symbol : List.of(String.valueOf(c), c + END_OF_WORD)) {
                if (!ids.containsKey(symbol)) {
                    throw new IllegalArgumentException(source + ": base symbol '" + symbol + "' (byte "
                            + ByteUnicodeMap.decode(c) + ") is missing from the vocabulary");
                }
            }
        }
    }

    private void checkMerges(String source) {
        for (int rank = 0; rank < merges.size(); rank++) {
            Merge merge = merges.get(rank);
            for (String symbol : List.of(merge.left(), merge.right(), merge.merged())) {
                if (!ids.containsKey(symbol)) {
                    throw new IllegalArgumentException(source + ": merge " + rank + " ('" + merge.left() + "' '"
                            + merge.right() + "') uses symbol '" + symbol + "', which is not in the vocabulary");
                }
            }
        }
    }

    private int requireToken(String token, String source) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException(source + ": special token " + token + " is missing");
        }
        return id;
    }

    /** Number of ids. */
    public int size() {
        return tokens.size();
    }

    /** The token of {@code id}. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("token id " + id + " is outside 0.." + (tokens.size() - 1));
        }
        return tokens.get(id);
    }

    /** The id of {@code token}, or -1 when it is not in the vocabulary. */
    public int id(String token) {
        return ids.getOrDefault(token, -1);
    }

    /** Every token in id order (unmodifiable). */
    public List<String> tokens() {
        return tokens;
    }

    /** The merges in rank order (unmodifiable). */
    public List<Merge> merges() {
        return merges;
    }

    /** Id of {@link #START_OF_TEXT}. */
    public int startToken() {
        return startToken;
    }

    /** Id of {@link #END_OF_TEXT}; the largest id. */
    public int endToken() {
        return endToken;
    }
}
