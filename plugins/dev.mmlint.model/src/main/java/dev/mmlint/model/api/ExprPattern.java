package dev.mmlint.model.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A C expression template with metavariables, e.g. {@code 1UL << $order} or
 * {@code compound_head($page) != $head}. Matching is token-based and ignores white space; a
 * metavariable binds a non-empty, bracket-balanced token sequence that contains no top-level
 * comparison, logical, conditional, assignment or comma operator. A metavariable used twice must bind
 * the same tokens both times. Redundant outer parentheses of the candidate are ignored.
 */
public final class ExprPattern {

    private static final Set<String> BARRIERS = Set.of("==", "!=", "&&", "||", "?", ":", ",", "=", "<", ">", "<=", ">=", ";");

    private final String source;
    private final List<String> tokens;

    private ExprPattern(String source, List<String> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /** Compiles a pattern; throws IllegalArgumentException when it is empty or unbalanced. */
    public static ExprPattern compile(String pattern) {
        List<String> t = tokenize(pattern);
        if (t.isEmpty()) throw new IllegalArgumentException("empty expression pattern");
        if (!balanced(t, 0, t.size())) throw new IllegalArgumentException("unbalanced brackets in pattern '" + pattern + "'");
        for (String s : t) {
            if (s.equals("$")) throw new IllegalArgumentException("'$' must start a metavariable name in pattern '" + pattern + "'");
        }
        return new ExprPattern(pattern, t);
    }

    public String source() {
        return source;
    }

    public List<String> metavariables() {
        List<String> out = new ArrayList<>();
        for (String s : tokens) if (s.startsWith("$") && !out.contains(s.substring(1))) out.add(s.substring(1));
        return out;
    }

    /** Matches a whole expression; returns the metavariable bindings (name without '$' -> text). */
    public Optional<Map<String, String>> match(String expression) {
        return match(candidate(expression));
    }

    /**
     * An expression as patterns match it: its tokens, redundant outer parentheses left out. Made once
     * for an expression tried against many patterns ({@link #match(List)}).
     */
    public static List<String> candidate(String expression) {
        return List.copyOf(stripParens(tokenize(expression)));
    }

    /** {@link #match(String)} on an expression's {@link #candidate(String) candidate} tokens. */
    public Optional<Map<String, String>> match(List<String> in) {
        Map<String, List<String>> b = new LinkedHashMap<>();
        if (!match(0, in, 0, b)) return Optional.empty();
        Map<String, String> out = new LinkedHashMap<>();
        b.forEach((k, v) -> out.put(k, String.join(" ", v)));
        return Optional.of(out);
    }

    public boolean matches(String expression) {
        return match(expression).isPresent();
    }

    public boolean matches(List<String> candidate) {
        return match(candidate).isPresent();
    }

    private boolean match(int pi, List<String> in, int ii, Map<String, List<String>> b) {
        if (pi == tokens.size()) return ii == in.size();
        String p = tokens.get(pi);
        if (p.startsWith("$") && p.length() > 1) {
            String name = p.substring(1);
            List<String> bound = b.get(name);
            if (bound != null) {
                if (ii + bound.size() > in.size() || !in.subList(ii, ii + bound.size()).equals(bound)) return false;
                return match(pi + 1, in, ii + bound.size(), b);
            }
            for (int end = ii + 1; end <= in.size(); end++) {
                if (!bindable(in, ii, end)) continue;
                b.put(name, List.copyOf(in.subList(ii, end)));
                if (match(pi + 1, in, end, b)) return true;
                b.remove(name);
            }
            return false;
        }
        if (ii < in.size() && sameToken(p, in.get(ii))) return match(pi + 1, in, ii + 1, b);
        return false;
    }

    private static boolean sameToken(String p, String t) {
        if (p.equals(t)) return true;
        // integer literal suffixes are case-insensitive: 1UL == 1ul
        return Character.isDigit(p.charAt(0)) && p.equalsIgnoreCase(t);
    }

    private static boolean bindable(List<String> t, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            String s = t.get(i);
            if (s.equals("(") || s.equals("[")) depth++;
            else if (s.equals(")") || s.equals("]")) {
                if (--depth < 0) return false;
            } else if (depth == 0 && BARRIERS.contains(s)) return false;
        }
        return depth == 0;
    }

    private static boolean balanced(List<String> t, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            String s = t.get(i);
            if (s.equals("(") || s.equals("[")) depth++;
            else if ((s.equals(")") || s.equals("]")) && --depth < 0) return false;
        }
        return depth == 0;
    }

    private static List<String> stripParens(List<String> t) {
        while (t.size() >= 2 && t.get(0).equals("(") && t.get(t.size() - 1).equals(")") && balanced(t, 1, t.size() - 1)) {
            t = t.subList(1, t.size() - 1);
        }
        return t;
    }

    private static final String[] OPS = {"<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "+=", "-=", "*=", "/=", "&=", "|=", "^="};

    /** Splits C-ish text into tokens: identifiers, numbers (with suffixes), $metavariables, operators. */
    public static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_' || (c == '$' && i + 1 < s.length() && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_'))) {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) j++;
                out.add(s.substring(i, j));
                i = j;
            } else {
                String op = null;
                for (String o : OPS) if (s.startsWith(o, i)) { op = o; break; }
                if (op == null) op = String.valueOf(c);
                out.add(op);
                i += op.length();
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return source;
    }
}
