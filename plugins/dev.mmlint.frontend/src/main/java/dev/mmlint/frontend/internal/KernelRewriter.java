package dev.mmlint.frontend.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Same-length rewrites of literal kernel C that CDT's C parser rejects, applied to file contents
 * (main file and headers). Every rewrite replaces characters by spaces, so no offset, line or column
 * moves: {@code asm goto (...)} becomes {@code asm      (...)} (CDT skips an asm operand list as a
 * balanced token sequence, so the label list is harmless), {@code asm inline} becomes {@code asm}.
 * Macro-level spellings ({@code asm_inline}, {@code asm_volatile_goto}, {@code _Static_assert},
 * {@code __seg_gs} ...) are handled by the prelude header, and {@code _Generic} by the parser.
 */
public final class KernelRewriter {
    private KernelRewriter() {}

    private static final Pattern ASM_QUALIFIER = Pattern.compile(
            "\\b(?:asm|__asm__|__asm)(?:\\s+(?:volatile|__volatile__|__volatile))?(?:\\s+(?:volatile|__volatile__|__volatile))?"
                    + "\\s+(goto|inline|__inline__|__inline)\\b(?:\\s+(goto|inline|__inline__|__inline)\\b)?");

    /** Returns {@code text} with the offending keywords blanked; same length, same line breaks. */
    public static String rewrite(String text) {
        if (text.indexOf("asm") < 0) return text;
        Matcher m = ASM_QUALIFIER.matcher(text);
        if (!m.find()) return text;
        char[] c = text.toCharArray();
        do {
            for (int g = 1; g <= 2; g++) {
                if (m.group(g) == null) continue;
                for (int i = m.start(g); i < m.end(g); i++) c[i] = ' ';
            }
        } while (m.find());
        return new String(c);
    }

    /** Same as {@link #rewrite(String)} on a char array (main-file text). */
    public static char[] rewrite(char[] text) {
        String s = new String(text);
        String r = rewrite(s);
        return r == s ? text : r.toCharArray();
    }
}
