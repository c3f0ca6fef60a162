package org.grace.model.text;

import org.grace.model.io.AtomicFiles;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Word-level tokenizer for the embedded scale, whose captions use a small synthetic vocabulary.
 *
 * <p>Definition: a text is lower-cased ({@code Locale.ROOT}) and split at every run of characters
 * that are neither letters nor digits; each word maps to its id, an unknown word to
 * {@link #UNK}. Ids: {@link #PAD} = 0, {@link #UNK} = 1, the words from 2 in vocabulary order,
 * then start = {@code vocabSize - 2} and end = {@code vocabSize - 1}, so the end token has the
 * largest id and the text tower can pool at {@code argmax(ids)} as CLIP does. Rows follow the
 * {@link Tokenizer} contract (start, ids, end, zero padding, truncation keeping the end token).
 * A vocabulary built from captions holds their distinct words in sorted order, so it does not
 * depend on the order of the captions.
 *
 * <p>Source: the project's design (DESIGN.md §3, "word-level over the benchmark's caption
 * vocabulary"), standing in for CLIP's BPE (openai/CLIP {@code simple_tokenizer.py}) at the
 * embedded scale. Departures from CLIP: punctuation is dropped rather than tokenized, and there is
 * an unknown-word id because there is no byte fallback.
 *
 * <p>Saved as JSON {@code {"format": "grace-word-tokenizer", "version": 1, "contextLength": n,
 * "words": [...]}}, written atomically.
 */
public final class WordTokenizer implements Tokenizer {

    /** Padding id. */
    public static final int PAD = 0;
    /** Id of every word outside the vocabulary. */
    public static final int UNK = 1;
    /** Id of the first vocabulary word. */
    public static final int FIRST_WORD = 2;
    /** Value of the {@code format} key of a saved vocabulary. */
    public static final String FORMAT = "grace-word-tokenizer";
    /** Value of the {@code version} key of a saved vocabulary. */
    public static final int VERSION = 1;

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> RESERVED_NAMES = List.of("<pad>", "<unk>", "<start>", "<end>");

    private final List<String> words;
    private final Map<String, Integer> ids;
    private final int contextLength;

    /**
     * A tokenizer over the given words, in the given order.
     *
     * @param words distinct, non-empty words, each already in split form (lower case, letters and
     *     digits only)
     * @param contextLength row length, at least 2
     */
    public WordTokenizer(List<String> words, int contextLength) {
        this.contextLength = TokenRows.checkContextLength(contextLength);
        this.words = List.copyOf(words);
        if (this.words.isEmpty()) {
            throw new IllegalArgumentException("words must not be empty");
        }
        Map<String, Integer> index = new HashMap<>(2 * this.words.size());
        for (int i = 0; i < this.words.size(); i++) {
            String word = this.words.get(i);
            if (!splitWords(word).equals(List.of(word))) {
                throw new IllegalArgumentException("word " + i + " '" + word
                        + "' is not a single lower-case word of letters and digits");
            }
            Integer previous = index.put(word, FIRST_WORD + i);
            if (previous != null) {
                throw new IllegalArgumentException("word '" + word + "' appears twice, at " + (previous - FIRST_WORD)
                        + " and " + i);
            }
        }
        this.ids = Collections.unmodifiableMap(index);
    }

    /** A tokenizer over the sorted distinct words of the captions. */
    public static WordTokenizer fromCaptions(Collection<String> captions, int contextLength) {
        TreeSet<String> distinct = new TreeSet<>();
        for (String caption : captions) {
            distinct.addAll(splitWords(caption));
        }
        return new WordTokenizer(new ArrayList<>(distinct), contextLength);
    }

    /** The words of a text: lower-cased, split at runs of non-letters/digits, empty pieces dropped. */
    public static List<String> splitWords(String text) {
        List<String> pieces = new ArrayList<>();
        for (String piece : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    /** The same vocabulary with another context length. */
    public WordTokenizer withContextLength(int newContextLength) {
        return newContextLength == contextLength ? this : new WordTokenizer(words, newContextLength);
    }

    /** The vocabulary words; word {@code i} has id {@code FIRST_WORD + i} (unmodifiable). */
    public List<String> words() {
        return words;
    }

    @Override
    public int vocabSize() {
        return words.size() + 4;
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public int startToken() {
        return vocabSize() - 2;
    }

    @Override
    public int endToken() {
        return vocabSize() - 1;
    }

    @Override
    public List<Integer> encode(String text) {
        List<Integer> encoded = new ArrayList<>();
        for (String word : splitWords(text)) {
            encoded.add(ids.getOrDefault(word, UNK));
        }
        return encoded;
    }

    @Override
    public long[] tokenize(String text) {
        return TokenRows.assemble(encode(text), startToken(), endToken(), contextLength);
    }

    /** The word of an id; the reserved ids read {@code <pad>}, {@code <unk>}, {@code <start>}, {@code <end>}. */
    public String token(int id) {
        if (id < 0 || id >= vocabSize()) {
            throw new IllegalArgumentException("token id " + id + " is outside 0.." + (vocabSize() - 1));
        }
        if (id == PAD || id == UNK) {
            return RESERVED_NAMES.get(id);
        }
        if (id >= startToken()) {
            return RESERVED_NAMES.get(id - startToken() + 2);
        }
        return words.get(id - FIRST_WORD);
    }

    /** The tokens of the ids joined by single spaces. */
    public String decode(List<Integer> tokenIds) {
        List<String> tokens = new ArrayList<>(tokenIds.size());
        for (int id : tokenIds) {
            tokens.add(token(id));
        }
        return String.join(" ", tokens);
    }

    /** Writes the vocabulary and context length as JSON, atomically. */
    public void save(Path file) {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("version", VERSION);
        json.addProperty("contextLength", contextLength);
        JsonArray array = new JsonArray();
        words.forEach(array::add);
        json.add("words", array);
        AtomicFiles.writeStringUnchecked(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n");
    }

    /** Reads a vocabulary written by {@link #save}; errors name the file and the key at fault. */
    public static WordTokenizer load(Path file) {
        JsonObject json;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(reader);
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException(file + ": expected a JSON object, got " + root);
            }
            json = root.getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read " + file + ": file does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        String format = requireString(json, "format", file);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(file + ": key 'format' is '" + format + "', expected '" + FORMAT + "'");
        }
        int version = requireInt(json, "version", file);
        if (version != VERSION) {
            throw new IllegalArgumentException(file + ": key 'version' is " + version + ", only " + VERSION
                    + " is supported");
        }
        int contextLength = requireInt(json, "contextLength", file);
        JsonElement wordsElement = json.get("words");
        if (wordsElement == null || !wordsElement.isJsonArray()) {
            throw new IllegalArgumentException(file + ": key 'words' must be an array of strings");
        }
        List<String> words = new ArrayList<>();
        for (JsonElement word : wordsElement.getAsJsonArray()) {
            if (!word.isJsonPrimitive() || !word.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException(file + ": key 'words' holds " + word + ", which is not a string");
            }
            words.add(word.getAsString());
        }
        try {
            return new WordTokenizer(words, contextLength);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static String requireString(JsonObject json, String key, Path file) {
        JsonElement value = json.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(file + ": key '" + key + "' must be a string, got " + value);
        }
        return value.getAsString();
    }

    private static int requireInt(JsonObject json, String key, Path file) {
        JsonElement value = json.get(key);
        if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            try {
                return Integer.parseInt(value.getAsString());
            } catch (NumberFormatException e) {
                // Reported below with the other non-integers.
            }
        }
        throw new IllegalArgumentException(file + ": key '" + key + "' must be an integer, got " + value);
    }
}
