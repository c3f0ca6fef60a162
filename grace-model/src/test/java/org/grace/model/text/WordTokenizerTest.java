package org.grace.model.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word-level tokenizer of the embedded scale. */
class WordTokenizerTest {

    private static final List<String> CAPTIONS = List.of("A photo of a red square.", "a sketch of a BLUE circle!",
            "an origami: red-circle, 2 of them");
    private static final WordTokenizer WORDS = WordTokenizer.fromCaptions(CAPTIONS, 8);

    @Test
    void vocabularyFromCaptionsIsTheSortedDistinctLowerCaseWords() {
        assertEquals(List.of("2", "a", "an", "blue", "circle", "of", "origami", "photo", "red", "sketch", "square", "them"),
                WORDS.words());
        assertEquals(WORDS.words(), WordTokenizer.fromCaptions(List.of(CAPTIONS.get(2), CAPTIONS.get(0), CAPTIONS.get(1)), 8)
                .words());
    }

    @Test
    void reservedIdsArePadUnkThenWordsThenStartAndEndLast() {
        assertEquals(16, WORDS.vocabSize());
        assertEquals(0, WordTokenizer.PAD);
        assertEquals(1, WordTokenizer.UNK);
        assertEquals(14, WORDS.startToken());
        assertEquals(15, WORDS.endToken());
        assertEquals(WORDS.vocabSize() - 1, WORDS.endToken());
        assertEquals(List.of(3), WORDS.encode("a"));
        assertEquals("<pad> <unk> 2 them <start> <end>", WORDS.decode(List.of(0, 1, 2, 13, 14, 15)));
    }

    @Test
    void textIsLowerCasedAndSplitAtNonLettersAndDigits() {
        assertEquals(List.of("a", "red", "circle", "2"), WordTokenizer.splitWords("  A red-circle,2!"));
        assertEquals(List.of("café", "東京"), WordTokenizer.splitWords("Café/東京"));
        assertEquals(List.of(), WordTokenizer.splitWords(" ...!"));
    }

    @Test
    void unknownWordsMapToUnk() {
        assertEquals(List.of(3, 1, 9), WORDS.encode("a green photo"));
    }

    @Test
    void rowsAreStartIdsEndThenPadding() {
        assertArrayEquals(new long[] {14, 3, 9, 7, 3, 12, 15, 0}, WORDS.tokenize("A photo of a square."));
        assertArrayEquals(new long[] {14, 15, 0, 0, 0, 0, 0, 0}, WORDS.tokenize(""));
    }

    @Test
    void truncationKeepsTheEndTokenLast() {
        long[] row = WORDS.tokenize("a photo of a red square of a blue circle");
        assertArrayEquals(new long[] {14, 3, 9, 7, 3, 10, 12, 15}, row);
    }

    @Test
    void everyRowHasOneEndTokenAndItIsTheLargestId() {
        qt().withExamples(300).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 60), integers().between(2, 12))
                .checkAssert((text, contextLength) -> {
                    long[] row = WORDS.withContextLength(contextLength).tokenize(text);
                    assertEquals(contextLength, row.length);
                    assertEquals(WORDS.startToken(), row[0]);
                    long ends = Arrays.stream(row).filter(id -> id == WORDS.endToken()).count();
                    assertEquals(1, ends);
                    assertEquals(WORDS.endToken(), Arrays.stream(row).max().getAsLong());
                });
    }

    @Test
    void saveThenLoadGivesTheSameTokenizer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nested/words.json");
        WORDS.save(file);
        WordTokenizer loaded = WordTokenizer.load(file);
        assertEquals(WORDS.words(), loaded.words());
        assertEquals(WORDS.contextLength(), loaded.contextLength());
        assertArrayEquals(WORDS.tokenize(CAPTIONS.get(1)), loaded.tokenize(CAPTIONS.get(1)));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void badJsonIsReportedWithTheFileAndKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("words.json");
        assertLoadFails(file, "{\"format\": ", "not valid JSON");
        assertLoadFails(file, "[\"a\"]", "expected a JSON object");
        assertLoadFails(file, "{\"format\": \"other\", \"version\": 1, \"contextLength\": 8, \"words\": [\"a\"]}", "'format'");
        assertLoadFails(file, "{\"format\": \"grace-word-tokenizer\", \"version\": 2, \"contextLength\": 8, \"words\": [\"a\"]}",
                "'version'");
        assertLoadFails(file, "{\"format\": \"grace-word-tokenizer\", \"version\": 1, \"words\": [\"a\"]}", "'contextLength'");
        assertLoadFails(file, "{\"format\": \"grace-word-tokenizer\", \"version\": 1, \"contextLength\": 8.5, \"words\": [\"a\"]}",
                "'contextLength'");
        assertLoadFails(file, "{\"format\": \"grace-word-tokenizer\", \"version\": 1, \"contextLength\": 8}", "'words'");
        assertLoadFails(file, "{\"format\": \"grace-word-tokenizer\", \"version\": 1, \"contextLength\": 8, \"words\": [1]}",
                "not a string");
        assertLoadFails(file, "{\"format\": \"grace-word-tokenizer\", \"version\": 1, \"contextLength\": 8, \"words\": [\"a\", \"a\"]}",
                "appears twice");
        assertLoadFails(file, "{\"format\": \"grace-word-tokenizer\", \"version\": 1, \"contextLength\": 1, \"words\": [\"a\"]}",
                "contextLength");
    }

    private static void assertLoadFails(Path file, String content, String expected) throws IOException {
        Files.writeString(file, content);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WordTokenizer.load(file), content);
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains(expected),
                error.getMessage());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> WordTokenizer.load(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void wordsMustBeDistinctSplitFormWords() {
        assertThrows(IllegalArgumentException.class, () -> new WordTokenizer(List.of(), 8));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WordTokenizer(List.of("Red"), 8))
                .getMessage().contains("'Red'"));
        assertThrows(IllegalArgumentException.class, () -> new WordTokenizer(List.of("red square"), 8));
        assertThrows(IllegalArgumentException.class, () -> new WordTokenizer(List.of("red", "red"), 8));
        assertThrows(IllegalArgumentException.class, () -> new WordTokenizer(List.of("red"), 1));
    }

    @Test
    void wordsKeepTheGivenOrder() {
        WordTokenizer tokenizer = new WordTokenizer(List.of("square", "circle"), 4);
        assertEquals(List.of(2, 3, 1), tokenizer.encode("Square circle triangle"));
        assertEquals("square circle", tokenizer.decode(List.of(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> tokenizer.token(6));
    }
}
