package dev.mmlint.dsl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovering strategy (single-token insertion/deletion, then resynchronisation) with messages
 * in the kernel voice: {@code expected ';' after '5.6'}, located just past the previous token when
 * something is missing and at the offending token when something is in the way. Every report goes to
 * the sink, so all errors of a file are collected.
 */
final class MmrErrorStrategy extends DefaultErrorStrategy {

    private final String file;
    private final Consumer<DslDiagnostic> sink;

    MmrErrorStrategy(String file, Consumer<DslDiagnostic> sink) {
        this.file = file;
        this.sink = sink;
    }

    @Override
    protected void reportNoViableAlternative(Parser p, NoViableAltException e) {
        Token t = e.getOffendingToken();
        report(p, t, "expected " + expected(p, e.getExpectedTokens()) + after(p, t) + found(t), false);
    }

    @Override
    protected void reportInputMismatch(Parser p, InputMismatchException e) {
        Token t = e.getOffendingToken();
        report(p, t, "expected " + expected(p, e.getExpectedTokens()) + after(p, t) + found(t), missingLooksLikely(p, t));
    }

    @Override
    protected void reportFailedPredicate(Parser p, FailedPredicateException e) {
        report(p, e.getOffendingToken(), "invalid input" + after(p, e.getOffendingToken()), false);
    }

    @Override
    protected void reportUnwantedToken(Parser p) {
        if (inErrorRecoveryMode(p)) return;
        beginErrorCondition(p);
        Token t = p.getCurrentToken();
        report(p, t, "unexpected " + describe(t) + after(p, t), false);
    }

    @Override
    protected void reportMissingToken(Parser p) {
        if (inErrorRecoveryMode(p)) return;
        beginErrorCondition(p);
        Token t = p.getCurrentToken();
        report(p, t, "expected " + expected(p, getExpectedTokens(p)) + after(p, t), true);
    }

    private void report(Parser p, Token offending, String message, boolean atEndOfPrevious) {
        int line = offending.getLine();
        int col = offending.getCharPositionInLine() + 1;
        Token prev = previous(p, offending);
        if (atEndOfPrevious && prev != null) {
            String text = prev.getText() == null ? "" : prev.getText();
            int nl = text.lastIndexOf('\n');
            line = prev.getLine() + (int) text.chars().filter(c -> c == '\n').count();
            col = nl >= 0 ? text.length() - nl : prev.getCharPositionInLine() + text.length() + 1;
        }
        sink.accept(DslDiagnostic.error(file, line, col, message));
    }

    /** A mismatch right after a complete item usually means a missing terminator: point past the item. */
    private boolean missingLooksLikely(Parser p, Token t) {
        Token prev = previous(p, t);
        return prev != null && prev.getLine() < t.getLine();
    }

    private static Token previous(Parser p, Token t) {
        TokenStream ts = p.getInputStream();
        int i = t.getTokenIndex() - 1;
        while (i >= 0) {
            Token c = ts.get(i);
            if (c.getChannel() == Token.DEFAULT_CHANNEL) return c;
            i--;
        }
        return null;
    }

    private static String after(Parser p, Token t) {
        Token prev = previous(p, t);
        return prev == null ? " at start of file" : " after " + quote(prev.getText());
    }

    private static String found(Token t) {
        return t.getType() == Token.EOF ? " at end of file" : ", found " + describe(t);
    }

    private static String describe(Token t) {
        if (t.getType() == Token.EOF) return "end of file";
        if (t.getType() == MmrLexer.UNTERMINATED_STRING) return "an unterminated string";
        if (t.getType() == MmrLexer.STRAY) return "stray " + quote(t.getText());
        return quote(t.getText());
    }

    static String quote(String s) {
        if (s == null) return "''";
        String one = s.replace('\n', ' ');
        if (one.length() > 24) one = one.substring(0, 21) + "...";
        return "'" + one + "'";
    }

    private static final int[] SOFT_KEYWORDS = {
        MmrLexer.FAMILY, MmrLexer.CONFIDENCE, MmrLexer.REF, MmrLexer.CLAUSE, MmrLexer.FOR, MmrLexer.SINCE, MmrLexer.BEFORE,
        MmrLexer.KCONFIG, MmrLexer.WHY, MmrLexer.AT, MmrLexer.FN, MmrLexer.MACRO, MmrLexer.BUILTIN, MmrLexer.FIELD,
        MmrLexer.RANGE, MmrLexer.VALIDATOR, MmrLexer.COUNT, MmrLexer.OF, MmrLexer.VALIDATED_BY, MmrLexer.NOTE,
        MmrLexer.COMMIT, MmrLexer.LKML, MmrLexer.URL, MmrLexer.SOURCE, MmrLexer.DOC};

    private static final Set<Integer> CLAUSE_ITEM_STARTS = Set.of(MmrLexer.SINCE, MmrLexer.BEFORE, MmrLexer.KCONFIG,
            MmrLexer.WHY, MmrLexer.FN, MmrLexer.MACRO, MmrLexer.BUILTIN, MmrLexer.FIELD, MmrLexer.RANGE, MmrLexer.VALIDATOR);

    /** Renders an expected-token set; large sets are named by what they stand for. */
    static String expected(Parser p, IntervalSet set) {
        if (set == null || set.isNil()) return "something else";
        Set<Integer> types = new LinkedHashSet<>(set.toList());
        List<String> parts = new ArrayList<>();
        if (types.containsAll(CLAUSE_ITEM_STARTS)) {
            parts.add("a clause item (since, before, kconfig, confidence, why, ref, fn, macro, builtin, field, range, validator)");
            types.removeAll(CLAUSE_ITEM_STARTS);
            types.remove(MmrLexer.CONFIDENCE);
            types.remove(MmrLexer.REF);
        }
        if (types.contains(MmrLexer.IDENT)) {
            for (int k : SOFT_KEYWORDS) types.remove(k);
        }
        boolean kconfig = types.contains(MmrLexer.NOT) && types.contains(MmrLexer.IDENT);
        if (kconfig) {
            // a Kconfig operand: INT and HEXID only start symbols such as 64BIT
            types.remove(MmrLexer.INT);
            types.remove(MmrLexer.HEXID);
        }
        for (int t : types) parts.add(kconfig && t == MmrLexer.IDENT ? "a CONFIG symbol" : tokenName(p, t));
        if (parts.size() == 1) return parts.get(0);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    static String tokenName(Parser p, int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case MmrLexer.IDENT -> "a name";
            case MmrLexer.STRING -> "a string";
            case MmrLexer.VERSION -> "a kernel version";
            case MmrLexer.INT -> "a number";
            case MmrLexer.RULE_ID -> "a rule id (MMnnn)";
            case MmrLexer.DOTTED -> "a clause id (family.name)";
            case MmrLexer.HEXID -> "a commit id";
            default -> {
                String lit = p.getVocabulary().getLiteralName(type);
                yield lit != null ? lit : p.getVocabulary().getDisplayName(type);
            }
        };
    }
}
