package org.grace.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of CLIP BPE encoding over random text. */
class ClipBpeTokenizerPropertiesTest {

    private static final ClipBpeTokenizer CLIP = ClipBpeTokenizer.openAi();

    /** Random ASCII, biased towards words, apostrophes, digits, entities and whitespace runs. */
    private static Gen<String> asciiText() {
        Gen<String> pieces = strings().ascii().ofLengthBetween(0, 12)
                .mix(strings().basicLatinAlphabet().ofLengthBetween(1, 10).map(word -> word + " "), 40)
                .mix(integers().between(0, 9).map(i -> List.of("'s", "'ll", " &amp; ", "&lt;", "  \t", "\n", "1999",
                        "A Photo", "it's", "!!").get(i)), 30);
        return pieces.zip(pieces, pieces, (a, b, c) -> a + b + c);
    }

    /** Any text of valid code points (no lone surrogates): accents, CJK, emoji, controls, ASCII. */
    private static Gen<String> unicodeText() {
        int surrogates = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;
        Gen<String> codePoint = integers().between(0, 0x1FFFF - surrogates)
                .map(cp -> cp < Character.MIN_SURROGATE ? cp : cp + surrogates)
                .map(cp -> new String(Character.toChars(cp)));
        Gen<String> symbol = codePoint.mix(strings().ascii().ofLengthBetween(1, 3), 40);
        return lists().of(symbol).ofSizeBetween(0, 16).map(symbols -> String.join("", symbols));
    }

    private static String codePoints(String text) {
        StringBuilder hex = new StringBuilder("code points of the text:");
        text.codePoints().forEach(cp -> hex.append(String.format(" U+%04X", cp)));
        return hex.toString();
    }

    @Test
    void decodingEncodedAsciiGivesTheCleanedTextWithOneSpaceAfterEachPreToken() {
        qt().withExamples(1000).forAll(asciiText())
                .assuming(text -> !ClipTextCleaner.clean(text).contains(BpeVocabulary.END_OF_WORD))
                .checkAssert(text -> {
                    String cleaned = ClipTextCleaner.clean(text);
                    String decoded = CLIP.decode(CLIP.encode(text));
                    StringBuilder expected = new StringBuilder();
                    for (String piece : CLIP.preTokenize(text)) {
                        expected.append(piece).append(' ');
                    }
                    assertEquals(expected.toString(), decoded, () -> codePoints(text));
                    assertEquals(cleaned.replace(" ", ""), decoded.replace(" ", ""), () -> codePoints(text));
                });
    }

    @Test
    void decodingEncodedUnicodeKeepsEveryNonSpaceCharacter() {
        qt().withExamples(500).forAll(unicodeText())
                .assuming(text -> !ClipTextCleaner.clean(text).contains(BpeVocabulary.END_OF_WORD))
                .checkAssert(text -> assertEquals(ClipTextCleaner.clean(text).replace(" ", ""),
                        CLIP.decode(CLIP.encode(text)).replace(" ", ""), () -> codePoints(text)));
    }

    @Test
    void everyRowHasTheContextLengthStartsWithStartAndHoldsOneEndToken() {
        qt().withExamples(300).forAll(unicodeText().mix(asciiText()), integers().between(2, 80))
                .checkAssert((text, contextLength) -> {
                    ClipBpeTokenizer tokenizer = CLIP.withContextLength(contextLength);
                    List<Integer> ids = tokenizer.encode(text);
                    long[] row = tokenizer.tokenize(text);
                    assertEquals(contextLength, row.length);
                    assertEquals(49406, row[0]);
                    int end = Math.min(ids.size() + 1, contextLength - 1);
                    assertEquals(49407, row[end]);
                    for (int i = 1; i < end; i++) {
                        assertEquals((long) ids.get(i - 1), row[i]);
                    }
                    for (int i = end + 1; i < contextLength; i++) {
                        assertEquals(0L, row[i]);
                    }
                });
    }
}
