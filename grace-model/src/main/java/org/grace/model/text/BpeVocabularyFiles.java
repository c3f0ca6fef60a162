package org.grace.model.text;

import org.grace.model.io.AtomicFiles;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads and writes {@link BpeVocabulary} tables in the two published layouts.
 *
 * <ul>
 *   <li>OpenAI (openai/CLIP {@code simple_tokenizer.py}): {@code bpe_simple_vocab_16e6.txt.gz}, a
 *       gzipped UTF-8 text whose first line is a header and whose next
 *       {@value #OPENAI_MERGE_COUNT} lines ({@code [1 : 49152 - 256 - 2 + 1]}) are the merges
 *       {@code "left right"}; the file holds more lines, which CLIP ignores. The vocabulary is
 *       derived from the merges ({@link BpeVocabulary#fromMerges}).</li>
 *   <li>Hugging Face (transformers {@code CLIPTokenizer}, also the input of
 *       {@code convert_slow_tokenizer.CLIPConverter}): a folder with {@code vocab.json}, a JSON
 *       object token → id, and {@code merges.txt}, an optional {@code #version} header line
 *       followed by one merge {@code "left right"} per line in rank order.</li>
 * </ul>
 *
 * <p>Departure: HF's slow tokenizer silently keeps only the first 48,894 lines of
 * {@code merges.txt}; here every line is a merge and a merge whose symbols are not in
 * {@code vocab.json} is an error naming its line, so a mismatched pair of files is caught.
 * Unreadable files raise {@link UncheckedIOException} and malformed content
 * {@link IllegalArgumentException}, both naming the file (and line).
 */
public final class BpeVocabularyFiles {

    /** Merges CLIP reads from the OpenAI file: 49152 - 256 - 2. */
    public static final int OPENAI_MERGE_COUNT = 49152 - 256 - 2;
    /** File name of the vocabulary in a Hugging Face tokenizer folder. */
    public static final String HF_VOCAB = "vocab.json";
    /** File name of the merges in a Hugging Face tokenizer folder. */
    public static final String HF_MERGES = "merges.txt";

    private static final String MERGES_HEADER = "#version: 0.2";

    private BpeVocabularyFiles() {
    }

    /** Reads OpenAI's gzipped merges file. */
    public static BpeVocabulary readOpenAi(Path gzFile) {
        try (InputStream in = Files.newInputStream(gzFile)) {
            return readOpenAi(in, gzFile.toString());
        } catch (IOException e) {
            throw unreadable(gzFile.toString(), e);
        }
    }

    /** Reads OpenAI's gzipped merges file from a stream; {@code source} names it in errors. */
    public static BpeVocabulary readOpenAi(InputStream gz, String source) {
        List<BpeVocabulary.Merge> merges = new ArrayList<>(OPENAI_MERGE_COUNT);
        try (BufferedReader reader = utf8Lines(new GZIPInputStream(gz, 1 << 16))) {
            if (reader.readLine() == null) {
                throw new IllegalArgumentException(source + " is empty");
            }
            for (int lineNumber = 2; merges.size() < OPENAI_MERGE_COUNT; lineNumber++) {
                String line = reader.readLine();
                if (line == null) {
                    throw new IllegalArgumentException(source + " ends after " + merges.size()
                            + " merges; CLIP needs " + OPENAI_MERGE_COUNT + " after the header line");
                }
                merges.add(parseMerge(line, source, lineNumber));
            }
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        return BpeVocabulary.fromMerges(merges, source);
    }

    /** Reads {@code vocab.json} and {@code merges.txt} from a Hugging Face tokenizer folder. */
    public static BpeVocabulary readHuggingFace(Path folder) {
        Path vocabFile = folder.resolve(HF_VOCAB);
        Path mergesFile = folder.resolve(HF_MERGES);
        List<String> tokens = readVocabJson(vocabFile);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int id = 0; id < tokens.size(); id++) {
            ids.put(tokens.get(id), id);
        }
        List<BpeVocabulary.Merge> merges = readMergesTxt(mergesFile, ids);
        return new BpeVocabulary(tokens, merges, folder.toString());
    }

    /** Writes {@code vocab.json} and {@code merges.txt} into {@code folder}, each atomically. */
    public static void writeHuggingFace(BpeVocabulary vocabulary, Path folder) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            vocab.put(vocabulary.token(id), id);
        }
        String json = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(vocab);
        StringBuilder merges = new StringBuilder(MERGES_HEADER).append('\n');
        for (BpeVocabulary.Merge merge : vocabulary.merges()) {
            merges.append(merge.left()).append(' ').append(merge.right()).append('\n');
        }
        AtomicFiles.writeStringUnchecked(folder.resolve(HF_VOCAB), json + "\n");
        AtomicFiles.writeStringUnchecked(folder.resolve(HF_MERGES), merges.toString());
    }

    private static List<String> readVocabJson(Path file) {
        JsonObject object;
        try (BufferedReader reader = utf8Lines(Files.newInputStream(file))) {
            JsonElement root = JsonParser.parseReader(reader);
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException(file + ": expected a JSON object token -> id");
            }
            object = root.getAsJsonObject();
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        String[] tokens = new String[object.size()];
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            int id = parseId(entry.getValue(), entry.getKey(), file);
            if (id >= tokens.length) {
                throw new IllegalArgumentException(file + ": id " + id + " of token '" + entry.getKey()
                        + "' is outside 0.." + (tokens.length - 1) + "; ids must be dense");
            }
            if (tokens[id] != null) {
                throw new IllegalArgumentException(file + ": id " + id + " is given to both '" + tokens[id]
                        + "' and '" + entry.getKey() + "'");
            }
            tokens[id] = entry.getKey();
        }
        for (int id = 0; id < tokens.length; id++) {
            if (tokens[id] == null) {
                throw new IllegalArgumentException(file + ": no token has id " + id + "; ids must be dense");
            }
        }
        return List.of(tokens);
    }

    private static int parseId(JsonElement value, String token, Path file) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            try {
                int id = Integer.parseInt(value.getAsString());
                if (id >= 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // Reported below together with the other non-id values.
            }
        }
        throw new IllegalArgumentException(file + ": id of token '" + token + "' must be a non-negative integer, got "
                + value);
    }

    private static List<BpeVocabulary.Merge> readMergesTxt(Path file, Map<String, Integer> ids) {
        List<BpeVocabulary.Merge> merges = new ArrayList<>();
        try (BufferedReader reader = utf8Lines(Files.newInputStream(file))) {
            String line;
            for (int lineNumber = 1; (line = reader.readLine()) != null; lineNumber++) {
                if ((lineNumber == 1 && line.startsWith("#version")) || line.isEmpty()) {
                    continue;
                }
                BpeVocabulary.Merge merge = parseMerge(line, file.toString(), lineNumber);
                for (String symbol : List.of(merge.left(), merge.right(), merge.merged())) {
                    if (!ids.containsKey(symbol)) {
                        throw new IllegalArgumentException(file + " line " + lineNumber + ": symbol '" + symbol
                                + "' of merge '" + line + "' is not in " + HF_VOCAB);
                    }
                }
                merges.add(merge);
            }
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
        return merges;
    }

    private static BpeVocabulary.Merge parseMerge(String line, String source, int lineNumber) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException(source + " line " + lineNumber
                    + ": expected a merge 'left right' (two symbols, one space), got '" + line + "'");
        }
        return new BpeVocabulary.Merge(parts[0], parts[1]);
    }

    private static BufferedReader utf8Lines(InputStream in) {
        // A strict decoder: malformed UTF-8 is an error, as in Python's bytes.decode('utf-8').
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
    }

    private static UncheckedIOException unreadable(String source, IOException e) {
        String reason = e instanceof NoSuchFileException ? "file does not exist" : e.toString();
        return new UncheckedIOException("cannot read " + source + ": " + reason, e);
    }
}
