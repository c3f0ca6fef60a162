package org.grace.model.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE tokenizer (49,408 ids, start 49,406, end 49,407, context 77).
 *
 * <p>Definition (openai/CLIP {@code clip/simple_tokenizer.py} and {@code clip.tokenize}; HF
 * transformers {@code CLIPTokenizer} and {@code convert_slow_tokenizer.CLIPConverter} build the
 * same tables): the text is cleaned and lower-cased ({@link ClipTextCleaner}); the pre-tokenizer
 * regex
 * <pre>{@code <\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+}</pre>
 * (case-insensitive, Unicode classes) cuts it into pre-tokens, so whitespace is dropped, digits
 * come one per token and {@code "it's"} gives {@code "it"}, {@code "'s"}; each pre-token's UTF-8
 * bytes become byte characters ({@link ByteUnicodeMap}) and are merged by rank
 * ({@link BytePairEncoder}). A pre-token equal to a special token maps to its id. Every byte has a
 * symbol, so there is no unknown token. A row is {@code [49406] + ids + [49407]}, zero-padded to
 * the context length, cut to it with the end token kept last when longer (open_clip's
 * {@code truncate=True}). {@link #decode} concatenates tokens, maps characters back to bytes,
 * decodes UTF-8 (malformed sequences become U+FFFD) and turns each {@code "</w>"} into a space.
 *
 * <p>Departures: the text cleanup has no ftfy and an HTML 4 unescaper (see {@link ClipTextCleaner});
 * {@code clip.tokenize(truncate=False)} raises on over-long texts, while this class always
 * truncates, as open_clip does; HF's {@code CLIPTokenizer} pads with the end token, this class
 * with 0 as OpenAI does (the text tower pools at the end token, so both give the same features);
 * letter/digit classes come from Java's Unicode tables (Unicode 13 in Java 17), so characters
 * assigned in later Unicode versions may be split differently than by Python's {@code regex}.
 * Compared with an independent Python implementation of the reference (without ftfy) on about
 * 7,000 random strings (ASCII, accents, CJK, emoji, controls, entities), ids were identical except
 * for these departures.
 *
 * <p>Instances are immutable and thread-safe; instances derived with {@link #withContextLength}
 * share the tables and the BPE cache.
 */
public final class ClipBpeTokenizer implements Tokenizer {

    /** CLIP's context length. */
    public static final int DEFAULT_CONTEXT_LENGTH = 77;
    /** Class-path resource holding OpenAI's {@code bpe_simple_vocab_16e6.txt.gz}. */
    public static final String OPENAI_MERGES_RESOURCE = "bpe_simple_vocab_16e6.txt.gz";

    private static final Pattern PRE_TOKEN = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private final BpeVocabulary vocabulary;
    private final BytePairEncoder encoder;
    private final int contextLength;

    /** Tokenizer over the given tables with the given context length (at least 2). */
    public ClipBpeTokenizer(BpeVocabulary vocabulary, int contextLength) {
        this(vocabulary, new BytePairEncoder(vocabulary), contextLength);
    }

    private ClipBpeTokenizer(BpeVocabulary vocabulary, BytePairEncoder encoder, int contextLength) {
        this.vocabulary = vocabulary;
        this.encoder = encoder;
        this.contextLength = TokenRows.checkContextLength(contextLength);
    }

    /** OpenAI's CLIP tokenizer from the shipped merges file, context 77; loaded once and shared. */
    public static ClipBpeTokenizer openAi() {
        return OpenAiHolder.INSTANCE;
    }

    /** OpenAI's CLIP tokenizer with another context length, sharing the tables of {@link #openAi()}. */
    public static ClipBpeTokenizer openAi(int contextLength) {
        return openAi().withContextLength(contextLength);
    }

    /** A tokenizer from an OpenAI-format {@code .txt.gz} merges file. */
    public static ClipBpeTokenizer fromOpenAiMerges(Path gzFile, int contextLength) {
        return new ClipBpeTokenizer(BpeVocabularyFiles.readOpenAi(gzFile), contextLength);
    }

    /** A tokenizer from a Hugging Face folder holding {@code vocab.json} and {@code merges.txt}. */
    public static ClipBpeTokenizer fromHuggingFace(Path folder, int contextLength) {
        return new ClipBpeTokenizer(BpeVocabularyFiles.readHuggingFace(folder), contextLength);
    }

    /** The same tokenizer with another context length; tables and cache are shared. */
    public ClipBpeTokenizer withContextLength(int newContextLength) {
        return newContextLength == contextLength ? this : new ClipBpeTokenizer(vocabulary, encoder, newContextLength);
    }

    /** Writes the tables as Hugging Face {@code vocab.json} + {@code merges.txt} into {@code folder}. */
    public void exportHuggingFace(Path folder) {
        BpeVocabularyFiles.writeHuggingFace(vocabulary, folder);
    }

    /** The token and merge tables. */
    public BpeVocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int vocabSize() {
        return vocabulary.size();
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public int startToken() {
        return vocabulary.startToken();
    }

    @Override
    public int endToken() {
        return vocabulary.endToken();
    }

    /** The pre-tokens of the cleaned text, before byte mapping and BPE. */
    public List<String> preTokenize(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = PRE_TOKEN.matcher(ClipTextCleaner.clean(text));
        while (matcher.find()) {
            pieces.add(matcher.group());
        }
        return pieces;
    }

    @Override
    public List<Integer> encode(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String piece : preTokenize(text)) {
            if (piece.equals(BpeVocabulary.START_OF_TEXT) || piece.equals(BpeVocabulary.END_OF_TEXT)) {
                ids.add(vocabulary.id(piece));
            } else {
                encoder.encode(ByteUnicodeMap.encode(piece.getBytes(StandardCharsets.UTF_8)), ids);
            }
        }
        return ids;
    }

    @Override
    public long[] tokenize(String text) {
        return TokenRows.assemble(encode(text), startToken(), endToken(), contextLength);
    }

    /** The text of the ids: tokens concatenated, bytes decoded as UTF-8, each {@code "</w>"} a space. */
    public String decode(List<Integer> ids) {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            Integer id = ids.get(i);
            if (id == null || id < 0 || id >= vocabulary.size()) {
                throw new IllegalArgumentException("id at position " + i + " is " + id + ", outside 0.."
                        + (vocabulary.size() - 1));
            }
            symbols.append(vocabulary.token(id));
        }
        byte[] bytes = new byte[symbols.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ByteUnicodeMap.decode(symbols.charAt(i));
        }
        return new String(bytes, StandardCharsets.UTF_8).replace(BpeVocabulary.END_OF_WORD, " ");
    }

    /** Pre-tokens cached by the BPE step (shared by every context length). */
    int cachedPreTokens() {
        return encoder.cacheSize();
    }

    /** Lazy, thread-safe, load-once holder of the shipped OpenAI tables. */
    private static final class OpenAiHolder {
        private static final ClipBpeTokenizer INSTANCE = load();

        private static ClipBpeTokenizer load() {
            String source = "class-path resource " + ClipBpeTokenizer.class.getPackageName().replace('.', '/')
                    + "/" + OPENAI_MERGES_RESOURCE;
            try (InputStream in = ClipBpeTokenizer.class.getResourceAsStream(OPENAI_MERGES_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(source + " is missing from the class path");
                }
                return new ClipBpeTokenizer(BpeVocabularyFiles.readOpenAi(in, source), DEFAULT_CONTEXT_LENGTH);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
        }
    }
}
