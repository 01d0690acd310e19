package dev.mmlint.frontend.internal;

/**
 * Blanks the bodies of function definitions in a header's text, once per header per run: every
 * character between the body's braces becomes a space except line breaks and preprocessor directive
 * lines, so lines, columns and macro definitions stay exactly as they were. The parser skips
 * header function bodies anyway (SELECTION_PARSE, see {@link CdtDriver}); blanking only spares the
 * preprocessor from lexing and macro-expanding text whose tokens would be thrown away.
 *
 * <p>A body is a '{' at file level (no open parenthesis, brace or bracket) whose previous
 * significant character is ')' (the end of a declarator or of an attribute), with comments,
 * strings, character literals and directive lines honoured. A body is left untouched when it holds a
 * conditional directive (#if/#ifdef/#ifndef/#elif/#else/#endif: its braces may balance per branch
 * only) or when no matching '}' is found. A file-level compound literal {@code (T){...}} would also
 * match; its initializer is then lost, its type kept.
 */
public final class HeaderBodyBlanker {
    private HeaderBodyBlanker() {}

    public static String blank(String text) {
        char[] c = text.toCharArray();
        int n = c.length;
        int depth = 0; // parens + brackets + braces at file level
        char lastSig = ';';
        boolean changed = false;
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char ch = c[i];
            if (lineStart) {
                int j = i;
                while (j < n && (c[j] == ' ' || c[j] == '\t')) j++;
                if (j < n && c[j] == '#') {
                    i = endOfDirective(c, j);
                    lastSig = '#';
                    continue;
                }
                lineStart = false;
            }
            if (ch == '\n') { lineStart = true; i++; continue; }
            if (ch == '/' && i + 1 < n && c[i + 1] == '/') { i = endOfLineComment(c, i); continue; }
            if (ch == '/' && i + 1 < n && c[i + 1] == '*') { i = endOfBlockComment(c, i); continue; }
            if (ch == '"' || ch == '\'') { i = endOfLiteral(c, i); lastSig = ch; continue; }
            if (Character.isWhitespace(ch)) { i++; continue; }
            if (ch == '{' && depth == 0 && lastSig == ')') {
                int close = matchingBrace(c, i);
                if (close > 0) {
                    blankRange(c, i + 1, close);
                    changed = true;
                    i = close + 1;
                    lastSig = '}';
                    continue;
                }
            }
            if (ch == '(' || ch == '[' || ch == '{') depth++;
            else if ((ch == ')' || ch == ']' || ch == '}') && depth > 0) depth--;
            lastSig = ch;
            i++;
        }
        return changed ? new String(c) : text;
    }

    /** Index of the '}' closing the '{' at {@code open}, or -1 when unsure. */
    private static int matchingBrace(char[] c, int open) {
        int n = c.length, depth = 0, i = open;
        boolean lineStart = false;
        while (i < n) {
            char ch = c[i];
            if (lineStart) {
                int j = i;
                while (j < n && (c[j] == ' ' || c[j] == '\t')) j++;
                if (j < n && c[j] == '#') {
                    if (isConditional(c, j + 1)) return -1;
                    i = endOfDirective(c, j);
                    continue;
                }
                lineStart = false;
            }
            if (ch == '\n') { lineStart = true; i++; continue; }
            if (ch == '/' && i + 1 < n && c[i + 1] == '/') { i = endOfLineComment(c, i); continue; }
            if (ch == '/' && i + 1 < n && c[i + 1] == '*') { i = endOfBlockComment(c, i); continue; }
            if (ch == '"' || ch == '\'') { i = endOfLiteral(c, i); continue; }
            if (ch == '{') depth++;
            else if (ch == '}' && --depth == 0) return i;
            i++;
        }
        return -1;
    }

    private static boolean isConditional(char[] c, int i) {
        while (i < c.length && (c[i] == ' ' || c[i] == '\t')) i++;
        int s = i;
        while (i < c.length && Character.isLetter(c[i])) i++;
        String d = new String(c, s, i - s);
        return d.equals("if") || d.equals("ifdef") || d.equals("ifndef") || d.equals("elif") || d.equals("else")
                || d.equals("endif") || d.equals("elifdef") || d.equals("elifndef");
    }

    /** Blanks [from, to) except line breaks and directive lines. */
    private static void blankRange(char[] c, int from, int to) {
        boolean lineStart = false;
        int i = from;
        while (i < to) {
            if (lineStart) {
                int j = i;
                while (j < to && (c[j] == ' ' || c[j] == '\t')) j++;
                if (j < to && c[j] == '#') {
                    i = Math.min(to, endOfDirective(c, j));
                    continue;
                }
                lineStart = false;
            }
            if (c[i] == '\n') { lineStart = true; i++; continue; }
            if (c[i] != '\r') c[i] = ' ';
            i++;
        }
    }

    /** Index just past the directive starting at '#' {@code i} (up to its final newline, not included). */
    private static int endOfDirective(char[] c, int i) {
        int n = c.length;
        while (i < n) {
            char ch = c[i];
            if (ch == '\\' && i + 1 < n && c[i + 1] == '\n') { i += 2; continue; }
            if (ch == '\\' && i + 2 < n && c[i + 1] == '\r' && c[i + 2] == '\n') { i += 3; continue; }
            if (ch == '/' && i + 1 < n && c[i + 1] == '*') { i = endOfBlockComment(c, i); continue; }
            if (ch == '\n') return i;
            i++;
        }
        return n;
    }

    private static int endOfLineComment(char[] c, int i) {
        while (i < c.length && c[i] != '\n') {
            if (c[i] == '\\' && i + 1 < c.length && c[i + 1] == '\n') i++;
            i++;
        }
        return i;
    }

    private static int endOfBlockComment(char[] c, int i) {
        i += 2;
        while (i + 1 < c.length && !(c[i] == '*' && c[i + 1] == '/')) i++;
        return Math.min(c.length, i + 2);
    }

    private static int endOfLiteral(char[] c, int i) {
        char q = c[i++];
        while (i < c.length && c[i] != q && c[i] != '\n') {
            if (c[i] == '\\') i++;
            i++;
        }
        return Math.min(c.length, i + 1);
    }
}
