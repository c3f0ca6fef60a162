package org.grace.model.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CLIP BPE encoding as specified in clip.md §5.1. Ids not listed in clip.md were computed with an
 * independent Python implementation of §5.1 (the {@code regex} module, {@code html.unescape}).
 */
class ClipBpeTokenizerTest {

    private static final ClipBpeTokenizer CLIP = ClipBpeTokenizer.openAi();
    private static final int SOT = 49406;
    private static final int EOT = 49407;

    private static long[] row(int... ids) {
        long[] row = new long[77];
        for (int i = 0; i < ids.length; i++) {
            row[i] = ids[i];
        }
        return row;
    }

    @Test
    void referencePromptsGiveTheIdsListedInTheSpec() {
        assertArrayEquals(row(SOT, 320, 1125, 539, 320, 2368, 269, EOT), CLIP.tokenize("a photo of a cat."));
        assertArrayEquals(row(SOT, 529, 2728, 539, 320, 40293, 269, EOT), CLIP.tokenize("itap of a goldfish."));
        assertArrayEquals(row(SOT, 589, 533, 320, 1125, 539, 320, 1929, EOT), CLIP.tokenize("This is a photo of a dog"));
        assertArrayEquals(row(SOT, 320, 2103, 1125, 539, 518, 1149, 634, 269, EOT),
                CLIP.tokenize("a bad photo of the tench."));
        assertArrayEquals(row(SOT, 320, 1125, 539, 320, 20629, 626, 344, 568, 7622, 9465, 269, EOT),
                CLIP.tokenize("a photo of a Geoffroy's spider monkey."));
    }

    @Test
    void encodeHasNoStartEndOrPadding() {
        assertEquals(List.of(320, 1125, 539, 320, 2368, 269), CLIP.encode("a photo of a cat."));
    }

    @Test
    void openAiTokenizerHasClipsSizesAndIsLoadedOnce() {
        assertEquals(49408, CLIP.vocabSize());
        assertEquals(77, CLIP.contextLength());
        assertEquals(SOT, CLIP.startToken());
        assertEquals(EOT, CLIP.endToken());
        assertEquals(CLIP.vocabSize() - 1, CLIP.endToken());
        assertSame(CLIP, ClipBpeTokenizer.openAi());
    }

    @Test
    void emptyAndBlankTextsAreStartThenEndThenZeros() {
        assertArrayEquals(row(SOT, EOT), CLIP.tokenize(""));
        assertArrayEquals(row(SOT, EOT), CLIP.tokenize(" \t\n  "));
        assertEquals(List.of(), CLIP.encode(""));
    }

    @Test
    void overLongTextIsCutToTheContextLengthWithTheEndTokenLast() {
        String text = "a photo of a cat. ".repeat(30);
        List<Integer> ids = CLIP.encode(text);
        assertEquals(180, ids.size());
        long[] row = CLIP.tokenize(text);
        assertEquals(77, row.length);
        assertEquals(SOT, row[0]);
        assertEquals(EOT, row[76]);
        for (int i = 1; i < 76; i++) {
            assertEquals((long) ids.get(i - 1), row[i], "position " + i);
        }
    }

    @Test
    void textFillingTheContextExactlyIsNotCut() {
        ClipBpeTokenizer short8 = CLIP.withContextLength(8);
        assertArrayEquals(new long[] {SOT, 320, 1125, 539, 320, 2368, 269, EOT}, short8.tokenize("a photo of a cat."));
        assertArrayEquals(new long[] {SOT, 320, 1125, 539, 320, 2368, EOT}, CLIP.withContextLength(7)
                .tokenize("a photo of a cat."));
    }

    @Test
    void contextLengthIsConfigurableAndSharesTheTables() {
        ClipBpeTokenizer longer = ClipBpeTokenizer.openAi(100);
        assertEquals(100, longer.contextLength());
        assertEquals(100, longer.tokenize("a photo of a cat.").length);
        assertSame(CLIP.vocabulary(), longer.vocabulary());
        assertSame(CLIP, CLIP.withContextLength(77));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CLIP.withContextLength(1));
        assertTrue(error.getMessage().contains("contextLength"), error.getMessage());
    }

    @Test
    void contractionsSplitOffTheApostropheSuffix() {
        assertEquals(List.of("it", "'s", "a", "cat"), CLIP.preTokenize("it's a cat"));
        assertEquals(List.of(585, 568, 320, 2368), CLIP.encode("it's a cat"));
        assertEquals(List.of(847, 713), CLIP.encode("don't"));
    }

    @Test
    void numbersComeOneDigitPerToken() {
        assertEquals(List.of("2", "0", "2", "4"), CLIP.preTokenize("2024"));
        assertEquals(List.of(273, 271, 273, 275), CLIP.encode("2024"));
        assertEquals(List.of(518, 935, 272, 280, 280, 280, 995), CLIP.encode("the year 1999!!!"));
    }

    @Test
    void whitespaceRunsAndCaseDoNotChangeTheIds() {
        List<Integer> plain = CLIP.encode("a photo of a cat.");
        assertEquals(plain, CLIP.encode("  A \t PHOTO\n\nof   a\u00A0Cat. \r\n"));
        assertEquals(plain, CLIP.encode("a\u3000photo\u2003of a cat."));
    }

    @Test
    void htmlEntitiesAreUnescapedTwice() {
        assertEquals(List.of(261), CLIP.encode("&"));
        assertEquals(CLIP.encode("&"), CLIP.encode("&amp;"));
        assertEquals(CLIP.encode("&"), CLIP.encode("&amp;amp;"));
        assertEquals(List.of(283, 321, 285), CLIP.encode("&lt;b&gt;"));
        assertEquals(CLIP.encode("café"), CLIP.encode("caf&eacute;"));
    }

    @Test
    void nonAsciiTextFallsBackToBytesAndDecodesBack() {
        assertEquals(List.of(15304), CLIP.encode("café"));
        assertEquals(List.of(48338, 21078, 361), CLIP.encode("東京"));
        assertEquals(List.of(22979), CLIP.encode("🐱"));
        assertEquals(List.of(23176, 10352, 807, 7255, 332), CLIP.encode("Ångström"));
        List<Integer> mixed = CLIP.encode("naïve café 東京 🐱");
        assertEquals(List.of(1097, 35689, 563, 15304, 48338, 21078, 361, 22979), mixed);
        assertEquals("naïve café 東京 🐱 ", CLIP.decode(mixed));
    }

    @Test
    void decomposedAccentsEncodeLikeComposedOnes() {
        assertEquals(CLIP.encode("caf\u00E9"), CLIP.encode("cafe\u0301"));
    }

    @Test
    void greekCapitalSigmaLowersLikePython() {
        assertEquals(List.of(139, 225, 138, 109, 139, 480, 272), CLIP.encode("ΣΑΣ1"));
    }

    @Test
    void specialTokenTextMapsToItsId() {
        assertEquals(List.of(EOT), CLIP.encode("<|endoftext|>"));
        assertEquals(List.of(SOT, 320, EOT), CLIP.encode("<|startoftext|>a<|endoftext|>"));
    }

    @Test
    void decodeTurnsEndOfWordIntoASpace() {
        assertEquals("a photo of a cat . ", CLIP.decode(CLIP.encode("a photo of a cat.")));
        assertEquals("it 's a cat ", CLIP.decode(List.of(585, 568, 320, 2368)));
        assertEquals("<|startoftext|>a <|endoftext|>", CLIP.decode(List.of(SOT, 320, EOT)));
    }

    @Test
    void decodeOfAPartialCharacterGivesTheReplacementCharacter() {
        // 京 is E4 BA AC in UTF-8; id 21078 holds its first two bytes, id 361 the last one + "</w>".
        assertEquals("\uFFFD", CLIP.decode(List.of(21078)));
        assertEquals("京 ", CLIP.decode(List.of(21078, 361)));
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CLIP.decode(Arrays.asList(320, 49408)));
        assertTrue(error.getMessage().contains("position 1") && error.getMessage().contains("49408"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CLIP.decode(List.of(-1)));
    }

    @Test
    void batchTokenizationGivesOneRowPerText() {
        long[][] rows = CLIP.tokenize(List.of("a photo of a cat.", ""));
        assertEquals(2, rows.length);
        assertArrayEquals(CLIP.tokenize("a photo of a cat."), rows[0]);
        assertArrayEquals(row(SOT, EOT), rows[1]);
    }

    @Test
    void repeatedWordsAreServedFromTheCache() {
        ClipBpeTokenizer fresh = new ClipBpeTokenizer(CLIP.vocabulary(), 77);
        fresh.encode("zebra zebra zebra");
        assertEquals(1, fresh.cachedPreTokens());
        fresh.withContextLength(20).encode("zebra okapi");
        assertEquals(2, fresh.cachedPreTokens());
        assertEquals(CLIP.encode("zebra okapi"), fresh.encode("zebra okapi"));
    }
}
