package org.grace.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading OpenAI's merges file and HF's vocab.json + merges.txt, writing the HF pair, and bad files. */
class BpeVocabularyFilesTest {

    private static final ClipBpeTokenizer CLIP = ClipBpeTokenizer.openAi();
    private static final List<String> TEXTS = List.of("a photo of a cat.", "a photo of a Geoffroy's spider monkey.",
            "naïve café 東京 🐱", "the year 1999!!!", "&amp; <|endoftext|>", "");

    @TempDir
    static Path exported;

    @BeforeAll
    static void exportOpenAiAsHuggingFace() {
        CLIP.exportHuggingFace(exported);
    }

    @Test
    void huggingFaceFilesWrittenFromTheGzGiveIdenticalIds() {
        ClipBpeTokenizer hf = ClipBpeTokenizer.fromHuggingFace(exported, 77);
        assertEquals(CLIP.vocabulary().tokens(), hf.vocabulary().tokens());
        assertEquals(CLIP.vocabulary().merges(), hf.vocabulary().merges());
        for (String text : TEXTS) {
            assertEquals(CLIP.encode(text), hf.encode(text), text);
        }
        assertEquals(320, hf.vocabulary().id("a</w>"));
    }

    @Test
    void exportedFilesHaveTheHuggingFaceLayout() throws IOException {
        List<String> merges = Files.readAllLines(exported.resolve("merges.txt"), StandardCharsets.UTF_8);
        assertEquals(48895, merges.size());
        assertEquals("#version: 0.2", merges.get(0));
        assertEquals("i n", merges.get(1));
        assertEquals("jeky ll</w>", merges.get(48894));
        String vocab = Files.readString(exported.resolve("vocab.json"), StandardCharsets.UTF_8);
        assertTrue(vocab.contains("\"a</w>\": 320"));
        assertTrue(vocab.contains("\"<|endoftext|>\": 49407"));
        try (var files = Files.list(exported)) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void openAiFileReadFromAPathEqualsTheShippedResource(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("bpe.txt.gz");
        try (var in = ClipBpeTokenizer.class.getResourceAsStream(ClipBpeTokenizer.OPENAI_MERGES_RESOURCE)) {
            Files.copy(in, gz);
        }
        ClipBpeTokenizer fromPath = ClipBpeTokenizer.fromOpenAiMerges(gz, 77);
        assertEquals(CLIP.vocabulary().tokens(), fromPath.vocabulary().tokens());
        assertEquals(CLIP.encode(TEXTS.get(1)), fromPath.encode(TEXTS.get(1)));
    }

    @Test
    void missingVocabJsonIsNamed(@TempDir Path dir) throws IOException {
        Files.copy(exported.resolve("merges.txt"), dir.resolve("merges.txt"));
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> ClipBpeTokenizer.fromHuggingFace(dir, 77));
        assertTrue(error.getMessage().contains(dir.resolve("vocab.json").toString())
                && error.getMessage().contains("does not exist"), error.getMessage());
    }

    @Test
    void missingMergesTxtIsNamed(@TempDir Path dir) throws IOException {
        Files.copy(exported.resolve("vocab.json"), dir.resolve("vocab.json"));
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> ClipBpeTokenizer.fromHuggingFace(dir, 77));
        assertTrue(error.getMessage().contains(dir.resolve("merges.txt").toString()), error.getMessage());
    }

    @Test
    void malformedMergeLineIsNamedWithItsLineNumber(@TempDir Path dir) throws IOException {
        Files.copy(exported.resolve("vocab.json"), dir.resolve("vocab.json"));
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\ni n\nt h e\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClipBpeTokenizer.fromHuggingFace(dir, 77));
        assertTrue(error.getMessage().contains("merges.txt line 3") && error.getMessage().contains("'t h e'"),
                error.getMessage());
    }

    @Test
    void mergeOutsideTheVocabularyIsNamedWithItsLineNumber(@TempDir Path dir) throws IOException {
        Files.copy(exported.resolve("vocab.json"), dir.resolve("vocab.json"));
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\ni n\nq z\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClipBpeTokenizer.fromHuggingFace(dir, 77));
        assertTrue(error.getMessage().contains("merges.txt line 3") && error.getMessage().contains("'qz'"),
                error.getMessage());
    }

    @Test
    void invalidVocabJsonIsNamed(@TempDir Path dir) throws IOException {
        Files.copy(exported.resolve("merges.txt"), dir.resolve("merges.txt"));
        Path vocab = dir.resolve("vocab.json");
        for (String content : List.of("{\"a\": 0,", "[1, 2]", "{\"a\": \"zero\"}", "{\"a\": 1.5}", "{\"a\": 0, \"b\": 0}",
                "{\"a\": 0, \"b\": 5}")) {
            Files.writeString(vocab, content);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ClipBpeTokenizer.fromHuggingFace(dir, 77), content);
            assertTrue(error.getMessage().contains(vocab.toString()), error.getMessage());
        }
    }

    @Test
    void openAiFileThatIsNotGzipIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bpe.txt.gz");
        Files.writeString(file, "#version: 0.2\ni n\n");
        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> ClipBpeTokenizer.fromOpenAiMerges(file, 77));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void missingOpenAiFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("absent.txt.gz");
        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> ClipBpeTokenizer.fromOpenAiMerges(file, 77));
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("does not exist"),
                error.getMessage());
    }

    @Test
    void openAiFileWithTooFewMergesIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BpeVocabularyFiles.readOpenAi(gzip("#version: 0.2\ni n\nt h\n"), "short.txt.gz"));
        assertTrue(error.getMessage().contains("short.txt.gz ends after 2 merges"), error.getMessage());
    }

    @Test
    void openAiFileWithAMalformedLineIsNamedWithItsLineNumber() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BpeVocabularyFiles.readOpenAi(gzip("#version: 0.2\ni n\nth\n"), "bad.txt.gz"));
        assertTrue(error.getMessage().contains("bad.txt.gz line 3"), error.getMessage());
    }

    private static ByteArrayInputStream gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
