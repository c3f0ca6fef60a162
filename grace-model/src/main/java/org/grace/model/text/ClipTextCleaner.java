package org.grace.model.text;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * CLIP's text cleanup before pre-tokenization: {@code whitespace_clean(basic_clean(text)).lower()}.
 *
 * <p>Definition (openai/CLIP {@code simple_tokenizer.py}): {@code basic_clean} is
 * {@code html.unescape(html.unescape(ftfy.fix_text(text))).strip()}; {@code whitespace_clean}
 * replaces every run of Unicode whitespace ({@code \s+} of the Python {@code regex} module, the
 * Unicode White_Space property) by one space and strips again; the result is lower-cased.
 * {@code strip()} removes the characters Python's {@code str.isspace()} accepts (general category
 * Zs, or bidirectional class WS, B or S), which includes U+001C..U+001F that {@code \s} leaves.
 *
 * <p>Departures, all invisible on ASCII prompts without HTML entities:
 * <ul>
 *   <li>ftfy is a Python library with no Java port. Only its last step, NFC normalization, is
 *       applied (HF's fast CLIP tokenizer also normalizes with NFC). Mojibake repair, quote
 *       uncurling, ligature and character-width fixes and control-character removal are not
 *       done, so e.g. a curly apostrophe stays a separate symbol instead of becoming {@code '}.</li>
 *   <li>HTML unescaping uses commons-text {@code unescapeHtml4} (HTML 4 named entities and
 *       numeric references) instead of Python's {@code html.unescape} (HTML 5 entity set,
 *       entities without the trailing semicolon, Windows-1252 fix-ups of numeric references).</li>
 *   <li>Lower-casing reproduces Python's {@code lower()} ({@link PythonLowerCase}), but the two
 *       runtimes may ship different Unicode versions.</li>
 * </ul>
 */
public final class ClipTextCleaner {

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private ClipTextCleaner() {
    }

    /** The cleaned, whitespace-collapsed, lower-cased text that CLIP pre-tokenizes. */
    public static String clean(String text) {
        String fixed = Normalizer.normalize(text, Normalizer.Form.NFC);
        String unescaped = StringEscapeUtils.unescapeHtml4(StringEscapeUtils.unescapeHtml4(fixed));
        String basic = stripPythonWhitespace(unescaped);
        String collapsed = stripPythonWhitespace(WHITESPACE_RUN.matcher(basic).replaceAll(" "));
        return PythonLowerCase.lower(collapsed);
    }

    /** Python's {@code str.strip()} with no argument. */
    static String stripPythonWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPythonSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isPythonSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isPythonSpace(int codePoint) {
        if (Character.getType(codePoint) == Character.SPACE_SEPARATOR) {
            return true;
        }
        byte direction = Character.getDirectionality(codePoint);
        return direction == Character.DIRECTIONALITY_WHITESPACE
                || direction == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
                || direction == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
    }
}
