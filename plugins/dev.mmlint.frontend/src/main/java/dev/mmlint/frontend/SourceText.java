package dev.mmlint.frontend;

import java.util.Arrays;

/**
 * The exact text of one analysed file, with line/column arithmetic. Offsets are the
 * CDT parser's offsets into this text (char indices); lines and columns are 1-based.
 * Every position mmlint reports is computed here, against the text as it is on disk.
 */
public final class SourceText {
    private final String content;
    private final int[] lineStarts;

    public SourceText(String content) {
        this.content = content;
        int n = 1;
        for (int i = 0; i < content.length(); i++) if (content.charAt(i) == '\n') n++;
        int[] starts = new int[n];
        int k = 1;
        for (int i = 0; i < content.length(); i++) if (content.charAt(i) == '\n') starts[k++] = i + 1;
        this.lineStarts = starts;
    }

    public String content() { return content; }

    public int lineCount() { return lineStarts.length; }

    /** 1-based line holding the char at {@code offset}. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of {@code offset} in its line, counting tabs as one, like gcc. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Text of 1-based line {@code line}, without its newline. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : content.length();
        if (end > start && content.charAt(end - 1) == '\r') end--;
        return content.substring(start, Math.max(start, end));
    }

    public int lineStart(int line) { return lineStarts[line - 1]; }
}
