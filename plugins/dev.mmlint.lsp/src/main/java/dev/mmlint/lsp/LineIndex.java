package dev.mmlint.lsp;

import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Offsets (char indices of a Java string, i.e. UTF-16 code units) to LSP positions and back, with
 * the protocol's idea of a line end: {@code \n}, {@code \r\n} or a lone {@code \r}. LSP characters
 * are UTF-16 code units by default, the same unit as Java chars, so a column is an offset from the
 * line start; only line ends need care.
 */
final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
        this.text = text;
        int[] s = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (c == '\n' || c == '\r') {
                if (n == s.length) s = Arrays.copyOf(s, n * 2);
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
    }

    String text() { return text; }

    Position position(int offset) {
        int off = Math.max(0, Math.min(offset, text.length()));
        int i = Arrays.binarySearch(starts, off);
        int line = i >= 0 ? i : -i - 2;
        return new Position(line, off - starts[line]);
    }

    Range range(int from, int to) { return new Range(position(from), position(Math.max(from, to))); }

    /** The offset of {@code p}; a character past the line's end is the line's end (as the protocol says). */
    int offset(Position p) {
        if (p.getLine() < 0) return 0;
        if (p.getLine() >= starts.length) return text.length();
        int start = starts[p.getLine()];
        return Math.min(start + Math.max(0, p.getCharacter()), lineEnd(p.getLine()));
    }

    /** End of line {@code line} (0-based), before its line terminator. */
    int lineEnd(int line) {
        int end = line + 1 < starts.length ? starts[line + 1] : text.length();
        if (end > starts[line] && line + 1 < starts.length) {
            end--;
            if (text.charAt(end) == '\n' && end > starts[line] && text.charAt(end - 1) == '\r') end--;
        }
        return end;
    }
}
