package org.grace.model.text;

import java.util.Arrays;

/**
 * The reversible byte-to-character table of byte-level BPE: every byte value 0..255 gets one
 * printable character, so a UTF-8 byte string becomes an ordinary string that BPE can merge.
 *
 * <p>Definition (openai/CLIP {@code simple_tokenizer.py}, {@code bytes_to_unicode()}): the 188
 * bytes in {@code '!'..'~'}, {@code '¡'..'¬'} and {@code '®'..'ÿ'} map to the character with the
 * same code point; every other byte {@code b}, taken in increasing order, maps to
 * {@code chr(256 + n)} with {@code n = 0, 1, ...}. The vocabulary's first 256 ids follow the
 * table's <em>value order</em>: the 188 printable bytes first, then the remapped ones.
 */
final class ByteUnicodeMap {

    /** Number of byte values, hence of base symbols. */
    static final int BYTE_COUNT = 256;

    private static final char[] BYTE_TO_CHAR = new char[BYTE_COUNT];
    private static final char[] CHARS_IN_VOCAB_ORDER = new char[BYTE_COUNT];
    private static final int[] CHAR_TO_BYTE;

    static {
        int next = 0;
        for (int b = 0; b < BYTE_COUNT; b++) {
            if (isPrintable(b)) {
                BYTE_TO_CHAR[b] = (char) b;
                CHARS_IN_VOCAB_ORDER[next++] = (char) b;
            }
        }
        int remapped = 0;
        for (int b = 0; b < BYTE_COUNT; b++) {
            if (!isPrintable(b)) {
                BYTE_TO_CHAR[b] = (char) (BYTE_COUNT + remapped++);
                CHARS_IN_VOCAB_ORDER[next++] = BYTE_TO_CHAR[b];
            }
        }
        CHAR_TO_BYTE = new int[2 * BYTE_COUNT];
        Arrays.fill(CHAR_TO_BYTE, -1);
        for (int b = 0; b < BYTE_COUNT; b++) {
            CHAR_TO_BYTE[BYTE_TO_CHAR[b]] = b;
        }
    }

    private ByteUnicodeMap() {
    }

    private static boolean isPrintable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    /** The character standing for byte {@code b} (0..255, or a signed Java byte). */
    static char encode(byte b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The characters standing for the bytes, one per byte. */
    static String encode(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = encode(bytes[i]);
        }
        return new String(chars);
    }

    /** The byte a table character stands for, or -1 when {@code c} is not in the table. */
    static int decode(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /** The 256 table characters in vocabulary order (ids 0..255 of the CLIP vocabulary). */
    static char[] charsInVocabOrder() {
        return CHARS_IN_VOCAB_ORDER.clone();
    }
}
