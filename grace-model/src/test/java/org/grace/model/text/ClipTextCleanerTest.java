package org.grace.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CLIP's {@code whitespace_clean(basic_clean(text)).lower()} without ftfy (clip.md §5.1). */
class ClipTextCleanerTest {

    @Test
    void whitespaceRunsBecomeOneSpaceAndEndsAreStripped() {
        assertEquals("a photo of a cat.", ClipTextCleaner.clean("  a\tphoto \n\r of\u00A0\u2003a   cat.\u3000"));
    }

    @Test
    void stripAlsoRemovesTheSeparatorsThatPythonCountsAsSpace() {
        // U+001C..U+001F are not \s but are str.isspace(): stripped at the ends, kept inside.
        assertEquals("a\u001Cb", ClipTextCleaner.clean("\u001Ca\u001Cb\u001F"));
        assertTrue(ClipTextCleaner.isPythonSpace(0x1C));
        assertTrue(ClipTextCleaner.isPythonSpace(0x85));
        assertTrue(ClipTextCleaner.isPythonSpace(0x202F));
        assertFalse(ClipTextCleaner.isPythonSpace(0x200B));
        assertFalse(ClipTextCleaner.isPythonSpace('a'));
    }

    @Test
    void textIsLowerCased() {
        assertEquals("a photo of a geoffroy's spider monkey.", ClipTextCleaner.clean("A Photo of a GEOFFROY'S Spider Monkey."));
        assertEquals("i\u0307stanbul", ClipTextCleaner.clean("\u0130stanbul"));
    }

    @Test
    void capitalSigmaBecomesFinalSigmaByPythonsRule() {
        assertEquals("σας1", ClipTextCleaner.clean("ΣΑΣ1"));
        assertEquals("σας σ", ClipTextCleaner.clean("ΣΑΣ Σ"));
        assertEquals("6σ", ClipTextCleaner.clean("6Σ"));
        assertEquals("οδυσσευς", ClipTextCleaner.clean("ΟΔΥΣΣΕΥΣ"));
        assertEquals("ας'", ClipTextCleaner.clean("ΑΣ'"));
        assertEquals("ασ'α", ClipTextCleaner.clean("ΑΣ'Α"));
    }

    @Test
    void htmlIsUnescapedTwice() {
        assertEquals("fish & chips <3", ClipTextCleaner.clean("Fish &amp;amp; chips &lt;3"));
        assertEquals("é'", ClipTextCleaner.clean("&eacute;&#39;"));
    }

    @Test
    void textIsNfcNormalized() {
        assertEquals("caf\u00E9", ClipTextCleaner.clean("cafe\u0301"));
    }
}
