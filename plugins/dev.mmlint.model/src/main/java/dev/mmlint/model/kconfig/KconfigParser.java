package dev.mmlint.model.kconfig;

/**
 * Recursive-descent parser for {@link KconfigExpr}:
 * <pre>
 *   or    := and ('||' and)*
 *   and   := unary ('&&' unary)*
 *   unary := '!' unary | '(' or ')' | SYMBOL (('=' | '!=') value)?
 *   value := [A-Za-z0-9_]+ | '"' ... '"'
 * </pre>
 */
final class KconfigParser {
    private final String s;
    private int pos;

    KconfigParser(String s) {
        this.s = s == null ? "" : s;
    }

    KconfigExpr parseAll() {
        skip();
        if (pos >= s.length()) throw new KconfigSyntaxException("empty Kconfig predicate", 0);
        KconfigExpr e = or();
        skip();
        if (pos < s.length()) throw new KconfigSyntaxException("unexpected '" + s.charAt(pos) + "' in Kconfig predicate", pos);
        return e;
    }

    private KconfigExpr or() {
        KconfigExpr l = and();
        while (accept("||")) l = new KconfigExpr.Or(l, and());
        return l;
    }

    private KconfigExpr and() {
        KconfigExpr l = unary();
        while (accept("&&")) l = new KconfigExpr.And(l, unary());
        return l;
    }

    private KconfigExpr unary() {
        skip();
        if (pos < s.length() && s.charAt(pos) == '!' && !s.startsWith("!=", pos)) {
            pos++;
            return new KconfigExpr.Not(unary());
        }
        if (accept("(")) {
            KconfigExpr e = or();
            if (!accept(")")) throw new KconfigSyntaxException("expected ')' in Kconfig predicate", pos);
            return e;
        }
        String sym = word();
        if (sym == null) {
            throw new KconfigSyntaxException(pos < s.length() ? "expected a CONFIG symbol, found '" + s.charAt(pos) + "'"
                    : "expected a CONFIG symbol at end of predicate", pos);
        }
        if (!sym.matches("[A-Z0-9_]*[A-Z][A-Z0-9_]*")) throw new KconfigSyntaxException("CONFIG symbols are upper case: '" + sym + "'", pos - sym.length());
        String name = KconfigExpr.symbol(sym);
        if (accept("!=")) return new KconfigExpr.Cmp(name, false, value());
        if (accept("=")) return new KconfigExpr.Cmp(name, true, value());
        return new KconfigExpr.Sym(name);
    }

    private String value() {
        skip();
        if (pos < s.length() && s.charAt(pos) == '"') {
            int end = s.indexOf('"', pos + 1);
            if (end < 0) throw new KconfigSyntaxException("unterminated string in Kconfig predicate", pos);
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }
        String w = word();
        if (w == null) throw new KconfigSyntaxException("expected a value after '=' in Kconfig predicate", pos);
        return w;
    }

    private String word() {
        skip();
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
        return pos > start ? s.substring(start, pos) : null;
    }

    private boolean accept(String tok) {
        skip();
        if (s.startsWith(tok, pos)) {
            pos += tok.length();
            return true;
        }
        return false;
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }
}
