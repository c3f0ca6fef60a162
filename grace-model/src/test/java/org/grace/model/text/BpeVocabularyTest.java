package org.grace.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAI vocabulary construction of clip.md §5.1 and the invariants every vocabulary keeps. */
class BpeVocabularyTest {

    private static final BpeVocabulary OPENAI = ClipBpeTokenizer.openAi().vocabulary();

    @Test
    void openAiVocabularyHas49408TokensBuiltFrom48894Merges() {
        assertEquals(49408, OPENAI.size());
        assertEquals(48894, OPENAI.merges().size());
        assertEquals(BpeVocabularyFiles.OPENAI_MERGE_COUNT, OPENAI.merges().size());
    }

    @Test
    void mergesRunFromInToJekyll() {
        assertEquals(new BpeVocabulary.Merge("i", "n"), OPENAI.merges().get(0));
        assertEquals(new BpeVocabulary.Merge("jeky", "ll</w>"), OPENAI.merges().get(48893));
    }

    @Test
    void idsAreBytesThenBytesWithEndOfWordThenMergesThenSpecials() {
        assertEquals("!", OPENAI.token(0));
        assertEquals("\"", OPENAI.token(1));
        assertEquals("\u0100", OPENAI.token(188));
        assertEquals("\u0143", OPENAI.token(255));
        assertEquals("!</w>", OPENAI.token(256));
        assertEquals("in", OPENAI.token(512));
        assertEquals("th", OPENAI.token(513));
        assertEquals("jekyll</w>", OPENAI.token(49405));
        assertEquals(320, OPENAI.id("a</w>"));
        assertEquals(49406, OPENAI.id(BpeVocabulary.START_OF_TEXT));
        assertEquals(49407, OPENAI.id(BpeVocabulary.END_OF_TEXT));
        assertEquals(49406, OPENAI.startToken());
        assertEquals(49407, OPENAI.endToken());
        assertEquals(-1, OPENAI.id("not a token"));
    }

    @Test
    void tokenOfAnIdOutsideTheVocabularyIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> OPENAI.token(49408));
        assertTrue(error.getMessage().contains("49408"), error.getMessage());
    }

    @Test
    void tablesAreUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> OPENAI.tokens().set(0, "x"));
        assertThrows(UnsupportedOperationException.class, () -> OPENAI.merges().clear());
    }

    @Test
    void mergeWhoseResultIsAlsoAnEarlierTokenGivesADuplicateToken() {
        List<BpeVocabulary.Merge> merges = List.of(new BpeVocabulary.Merge("a", "b"), new BpeVocabulary.Merge("a", "b"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BpeVocabulary.fromMerges(merges, "test merges"));
        assertTrue(error.getMessage().contains("test merges") && error.getMessage().contains("'ab' has two ids"),
                error.getMessage());
    }

    @Test
    void mergeOfSymbolsOutsideTheVocabularyIsRejected() {
        List<String> tokens = new ArrayList<>(OPENAI.tokens().subList(0, 512));
        tokens.add("xyz");
        tokens.add(BpeVocabulary.START_OF_TEXT);
        tokens.add(BpeVocabulary.END_OF_TEXT);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new BpeVocabulary(tokens, List.of(new BpeVocabulary.Merge("xy", "z")), "tiny"));
        assertTrue(error.getMessage().contains("merge 0") && error.getMessage().contains("'xy'"), error.getMessage());
    }

    @Test
    void missingByteSymbolIsRejected() {
        List<String> tokens = new ArrayList<>(OPENAI.tokens().subList(1, 512));
        tokens.add(BpeVocabulary.START_OF_TEXT);
        tokens.add(BpeVocabulary.END_OF_TEXT);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new BpeVocabulary(tokens, List.of(), "tiny"));
        assertTrue(error.getMessage().contains("base symbol '!'"), error.getMessage());
    }

    @Test
    void endTokenMustHaveTheLargestId() {
        List<String> tokens = new ArrayList<>(OPENAI.tokens().subList(0, 512));
        tokens.add(BpeVocabulary.END_OF_TEXT);
        tokens.add(BpeVocabulary.START_OF_TEXT);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new BpeVocabulary(tokens, List.of(), "tiny"));
        assertTrue(error.getMessage().contains("largest id"), error.getMessage());
    }

    @Test
    void tokenWithACharacterThatIsNoByteSymbolIsRejected() {
        List<String> tokens = new ArrayList<>(OPENAI.tokens().subList(0, 512));
        tokens.add("caf\u00E9 ");
        tokens.add(BpeVocabulary.START_OF_TEXT);
        tokens.add(BpeVocabulary.END_OF_TEXT);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new BpeVocabulary(tokens, List.of(), "tiny"));
        assertTrue(error.getMessage().contains("U+0020"), error.getMessage());
    }

    @Test
    void mergeSymbolsMustBeNonEmptyWithoutSpaces() {
        assertThrows(IllegalArgumentException.class, () -> new BpeVocabulary.Merge("", "a"));
        assertThrows(IllegalArgumentException.class, () -> new BpeVocabulary.Merge("a b", "c"));
    }

    @Test
    void smallVocabularyMergesByRank() {
        List<BpeVocabulary.Merge> merges = List.of(
                new BpeVocabulary.Merge("a", "b</w>"), new BpeVocabulary.Merge("a", "b"), new BpeVocabulary.Merge("ab", "ab</w>"));
        ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(BpeVocabulary.fromMerges(merges, "three merges"), 8);
        BpeVocabulary vocabulary = tokenizer.vocabulary();
        assertEquals(517, vocabulary.size());
        // "abab": a b a b</w> -> rank 0 joins the tail (a b</w>), rank 1 the head (a b), rank 2 both.
        assertEquals(List.of(vocabulary.id("abab</w>")), tokenizer.encode("abab"));
        // "abb": a b b</w> -> rank 1 gives ab b</w>; no merge joins those.
        assertEquals(List.of(vocabulary.id("ab"), vocabulary.id("b</w>")), tokenizer.encode("abb"));
        assertEquals(List.of(vocabulary.id("c</w>")), tokenizer.encode("c"));
    }
}
