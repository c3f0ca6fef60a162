package org.grace.model.text;

import java.util.Locale;

/**
 * Python 3's {@code str.lower()}: Unicode full lower-case mapping with the Final_Sigma rule.
 *
 * <p>Definition (Unicode {@code SpecialCasing.txt}; CPython {@code unicodeobject.c},
 * {@code handle_capital_sigma}): U+03A3 becomes final sigma U+03C2 when it is preceded by a cased
 * letter, possibly across case-ignorable characters, and is not followed by a cased letter across
 * case-ignorable characters; otherwise U+03C3. Java's {@code toLowerCase(Locale.ROOT)} has the
 * same full mappings but decides final sigma by word boundaries, so e.g. {@code "ΣΑΣ1"} gives
 * {@code "σασ1"} in Java and {@code "σας1"} in Python; this class follows Python.
 *
 * <p>Departure: case-ignorable is approximated from Java's character data as general categories
 * Mn, Me, Cf, Lm, Sk plus the Word_Break MidLetter, MidNumLet and Single_Quote characters; the
 * Unicode versions of Java and Python may also differ.
 */
final class PythonLowerCase {

    private static final int CAPITAL_SIGMA = 0x03A3;
    private static final String FINAL_SIGMA = "\u03C2";
    private static final String SIGMA = "\u03C3";
    /** Word_Break = MidLetter | MidNumLet | Single_Quote (Unicode 13). */
    private static final String WORD_BREAK_MID = "'.:\u00B7\u0387\u055F\u05F4\u2018\u2019\u2024\u2027"
            + "\uFE13\uFE52\uFE55\uFF07\uFF0E\uFF1A";

    private PythonLowerCase() {
    }

    static String lower(String text) {
        if (text.indexOf(CAPITAL_SIGMA) < 0) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder lowered = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint == CAPITAL_SIGMA) {
                lowered.append(isFinalSigma(text, i) ? FINAL_SIGMA : SIGMA);
            } else {
                lowered.append(new String(Character.toChars(codePoint)).toLowerCase(Locale.ROOT));
            }
            i += Character.charCount(codePoint);
        }
        return lowered.toString();
    }

    private static boolean isFinalSigma(String text, int sigmaAt) {
        int before = sigmaAt;
        int preceding = -1;
        while (before > 0) {
            preceding = text.codePointBefore(before);
            if (!isCaseIgnorable(preceding)) {
                break;
            }
            before -= Character.charCount(preceding);
            preceding = -1;
        }
        if (preceding < 0 || !isCased(preceding)) {
            return false;
        }
        int after = sigmaAt + 1;
        while (after < text.length()) {
            int following = text.codePointAt(after);
            if (!isCaseIgnorable(following)) {
                return !isCased(following);
            }
            after += Character.charCount(following);
        }
        return true;
    }

    private static boolean isCased(int codePoint) {
        return Character.isLowerCase(codePoint) || Character.isUpperCase(codePoint) || Character.isTitleCase(codePoint);
    }

    private static boolean isCaseIgnorable(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
            case Character.MODIFIER_LETTER:
            case Character.MODIFIER_SYMBOL:
                return true;
            default:
                return WORD_BREAK_MID.indexOf(codePoint) >= 0;
        }
    }
}
