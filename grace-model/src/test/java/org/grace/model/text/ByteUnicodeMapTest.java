package org.grace.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OpenAI's {@code bytes_to_unicode()} table (clip.md §5.1). */
class ByteUnicodeMapTest {

    @Test
    void printableBytesStandForThemselves() {
        for (int b : new int[] {'!', 'a', '~', 0xA1, 0xAC, 0xAE, 0xFF}) {
            assertEquals((char) b, ByteUnicodeMap.encode((byte) b), "byte " + b);
        }
    }

    @Test
    void otherBytesMapTo256PlusNInIncreasingOrder() {
        assertEquals('\u0100', ByteUnicodeMap.encode((byte) 0));
        assertEquals('\u0120', ByteUnicodeMap.encode((byte) ' '));
        assertEquals('\u0121', ByteUnicodeMap.encode((byte) 0x7F));
        assertEquals('\u0122', ByteUnicodeMap.encode((byte) 0x80));
        assertEquals('\u0142', ByteUnicodeMap.encode((byte) 0xA0));
        assertEquals('\u0143', ByteUnicodeMap.encode((byte) 0xAD));
    }

    @Test
    void everyByteHasItsOwnCharacterAndDecodesBack() {
        Set<Character> seen = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            char c = ByteUnicodeMap.encode((byte) b);
            seen.add(c);
            assertEquals(b, ByteUnicodeMap.decode(c));
        }
        assertEquals(256, seen.size());
        assertEquals(-1, ByteUnicodeMap.decode(' '));
        assertEquals(-1, ByteUnicodeMap.decode('\u0144'));
    }

    @Test
    void vocabularyOrderListsThe188PrintableBytesFirst() {
        char[] order = ByteUnicodeMap.charsInVocabOrder();
        assertEquals(256, order.length);
        assertEquals('!', order[0]);
        assertEquals('"', order[1]);
        assertEquals('\u00FF', order[187]);
        assertEquals('\u0100', order[188]);
        assertEquals('\u0143', order[255]);
    }
}
