package dev.mmlint.review;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;

/**
 * The code a finding flags, normalised so that it survives what a refactoring changes and nothing
 * else: white space, comments and line numbers are dropped, locals of the function that are written
 * once before the flagged code are replaced by the expression they hold (a value moved into a named
 * local is the same code), the other locals by the index of their first occurrence in the key (a
 * renamed local is the same code), and redundant parentheses are removed.
 *
 * <p>The flagged code is the smallest expression around the finding's span, widened to the call
 * when it is an argument. The key also holds the code's context: the condition of the nearest
 * enclosing if / loop / switch, normalised the same way, so that the same call under another
 * condition (a copy, not a move) does not match.
 */
final class CodeKey {
    private static final Pattern TOKEN = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|[A-Za-z_]\\w*|\\d[\\w.]*"
                    + "|->|\\+\\+|--|<<=?|>>=?|[<>=!]=|&&|\\|\\||[-+*/%&|^]=|\\S", Pattern.DOTALL);
    private static final int MAX_EXPANSION = 3;

    private CodeKey() {}

    /**
     * The key of {@code f} in {@code u} (positions as the unit's own lines), or null when the code
     * cannot be found; {@code expand}: locals written once replaced by their value.
     */
    static Key of(ParsedUnit u, Finding f, boolean expand) {
        try {
            return compute(u, f, expand);
        } catch (RuntimeException e) {
            return null; // a span the AST does not cover: the finding is matched by position only
        }
    }

    /**
     * @param full    rule, context and code
     * @param context the context alone ("" at the top of the function)
     * @param ordinal the context's index among the function's if / loop / switch statements, -1 for none
     */
    record Key(String full, String context, int ordinal) {}

    private static Key compute(ParsedUnit u, Finding f, boolean expand) {
        SourceText t = u.text();
        if (f.line() < 1 || f.line() > t.lineCount()) return null;
        int off = t.lineStart(f.line()) + Math.max(0, f.column() - 1);
        int end = f.endLine() >= f.line() && f.endLine() <= t.lineCount() ? t.lineStart(f.endLine()) + Math.max(0, f.endColumn() - 1) : off + 1;
        end = Math.max(end, off + 1);
        IASTFunctionDefinition fd = null;
        for (IASTFunctionDefinition d : u.functions()) {
            IASTFileLocation l = d.getFileLocation();
            if (l != null && l.getNodeOffset() <= off && off < l.getNodeOffset() + l.getNodeLength()) fd = d;
        }
        if (fd == null) return null;
        var sel = u.ast().getNodeSelector(null);
        IASTNode n = sel.findEnclosingNode(off, end - off);
        if (n == null) n = sel.findEnclosingNodeInExpansion(off, end - off); // a span a macro call makes
        if (n == null) n = sel.findEnclosingNode(off, 1);
        if (n == null) return null;
        while (n != null && !(n instanceof IASTExpression) && !(n instanceof IASTStatement) && !(n instanceof IASTDeclarator)) n = n.getParent();
        if (n == null) return null;
        if (n.getParent() instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() != n) n = call;
        Locals locals = Locals.of(fd, expand);
        StringBuilder key = new StringBuilder(f.ruleId()).append('|');
        List<String> toks = new ArrayList<>();
        IASTNode ctx = context(n);
        if (ctx != null) {
            toks.add(ctx instanceof IASTIfStatement ? "if" : ctx instanceof IASTSwitchStatement ? "switch" : "loop");
            toks.add("(");
            IASTExpression c = condition(ctx);
            if (c != null) tokens(t, c, locals, toks, 0, off);
            toks.add(")");
        }
        toks.add("|");
        tokens(t, n, locals, toks, 0, off);
        List<String> norm = normalise(toks);
        String context = String.join(" ", norm.subList(0, norm.indexOf("|")));
        return new Key(key.append(String.join(" ", norm)).toString(), context, ctx == null ? -1 : ordinal(fd, ctx));
    }

    /** The index of {@code ctx} among the if / loop / switch statements of {@code fd}, in source order. */
    private static int ordinal(IASTFunctionDefinition fd, IASTNode ctx) {
        int[] r = {0, -1};
        fd.accept(new ASTVisitor(false) {
            {
                shouldVisitStatements = true;
            }

            @Override public int visit(IASTStatement s) {
                if (r[1] >= 0) return PROCESS_ABORT;
                if (s == ctx) {
                    r[1] = r[0];
                    return PROCESS_ABORT;
                }
                if (condition(s) != null) r[0]++;
                return PROCESS_CONTINUE;
            }
        });
        return r[1];
    }

    /** The nearest if / loop / switch whose body (not whose condition) holds {@code n}. */
    private static IASTNode context(IASTNode n) {
        IASTNode child = n;
        for (IASTNode p = n.getParent(); p != null && !(p instanceof IASTFunctionDefinition); child = p, p = p.getParent()) {
            IASTExpression c = p instanceof IASTIfStatement || p instanceof IASTWhileStatement || p instanceof IASTDoStatement
                    || p instanceof IASTForStatement || p instanceof IASTSwitchStatement ? condition(p) : null;
            if (c != null && c != child) return p;
        }
        return null;
    }

    private static IASTExpression condition(IASTNode s) {
        if (s instanceof IASTIfStatement i) return i.getConditionExpression();
        if (s instanceof IASTWhileStatement w) return w.getCondition();
        if (s instanceof IASTDoStatement d) return d.getCondition();
        if (s instanceof IASTForStatement f) return f.getConditionExpression();
        if (s instanceof IASTSwitchStatement w) return w.getControllerExpression();
        return null;
    }

    /** Appends the tokens of {@code n}'s text, locals written once (before {@code before}) expanded. */
    private static void tokens(SourceText t, IASTNode n, Locals locals, List<String> out, int depth, int before) {
        IASTFileLocation l = n.getFileLocation();
        if (l == null) return;
        tokens(t, l.getNodeOffset(), l.getNodeOffset() + l.getNodeLength(), locals, out, depth, before);
    }

    private static void tokens(SourceText t, int from, int to, Locals locals, List<String> out, int depth, int before) {
        String s = t.content().substring(Math.max(0, from), Math.min(t.content().length(), to));
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            String tok = m.group();
            if (tok.startsWith("/*") || tok.startsWith("//")) continue;
            IASTNode value = locals.once.get(tok);
            if (value != null && depth < MAX_EXPANSION && value.getFileLocation() != null
                    && value.getFileLocation().getNodeOffset() < before && !(from + m.start() >= value.getFileLocation().getNodeOffset()
                            && from + m.start() < value.getFileLocation().getNodeOffset() + value.getFileLocation().getNodeLength())) {
                out.add("(");
                tokens(t, value, locals, out, depth + 1, before);
                out.add(")");
            } else if (locals.names.contains(tok)) out.add("\u0001" + tok);
            else out.add(tok);
        }
    }

    /** Redundant parentheses dropped, then locals numbered by first occurrence. */
    static List<String> normalise(List<String> in) {
        List<String> toks = new ArrayList<>(in);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < toks.size(); i++) {
                if (!toks.get(i).equals("(")) continue;
                int close = match(toks, i);
                if (close < 0) continue;
                boolean call = i > 0 && (isWord(toks.get(i - 1)) || toks.get(i - 1).equals(")") || toks.get(i - 1).equals("]"));
                boolean single = close == i + 2;
                boolean doubled = close > i + 2 && toks.get(i + 1).equals("(") && match(toks, i + 1) == close - 1;
                boolean whole = i == 0 && close == toks.size() - 1 || (!call && i > 0 && toks.get(i - 1).equals("|")
                        && (close == toks.size() - 1));
                if ((!call && single) || doubled || whole) {
                    toks.remove(close);
                    toks.remove(i);
                    changed = true;
                    break;
                }
            }
        }
        Map<String, String> index = new HashMap<>();
        for (int i = 0; i < toks.size(); i++) {
            String s = toks.get(i);
            if (s.startsWith("\u0001")) toks.set(i, index.computeIfAbsent(s, k -> "$" + index.size()));
        }
        return toks;
    }

    private static boolean isWord(String s) {
        return !s.isEmpty() && (Character.isLetterOrDigit(s.charAt(0)) || s.charAt(0) == '_' || s.charAt(0) == '\u0001')
                && !s.equals("if") && !s.equals("while") && !s.equals("switch") && !s.equals("return") && !s.equals("sizeof") && !s.equals("loop");
    }

    private static int match(List<String> toks, int open) {
        int d = 0;
        for (int i = open; i < toks.size(); i++) {
            if (toks.get(i).equals("(")) d++;
            else if (toks.get(i).equals(")") && --d == 0) return i;
        }
        return -1;
    }

    /** A function's locals (parameters and declarations in its body), and those written exactly once with a value. */
    private record Locals(java.util.Set<String> names, Map<String, IASTNode> once) {
        static Locals of(IASTFunctionDefinition fd, boolean expand) {
            java.util.Set<String> names = new java.util.HashSet<>();
            Map<String, Integer> writes = new HashMap<>();
            Map<String, IASTNode> value = new HashMap<>();
            fd.accept(new ASTVisitor(false) {
                {
                    shouldVisitDeclarators = true;
                    shouldVisitExpressions = true;
                }

                @Override public int visit(IASTDeclarator d) {
                    if (d.getParent() == fd) return PROCESS_CONTINUE; // the function's own name
                    String name = d.getName().toString();
                    if (name.isEmpty()) return PROCESS_CONTINUE;
                    names.add(name);
                    if (d.getInitializer() instanceof IASTEqualsInitializer ei && ei.getInitializerClause() instanceof IASTExpression e) {
                        writes.merge(name, 1, Integer::sum);
                        value.put(name, e);
                    }
                    return PROCESS_CONTINUE;
                }

                @Override public int visit(IASTExpression e) {
                    if (e instanceof IASTBinaryExpression b && isAssign(b.getOperator()) && b.getOperand1() instanceof IASTIdExpression id) {
                        String name = id.getName().toString();
                        writes.merge(name, 1, Integer::sum);
                        if (b.getOperator() == IASTBinaryExpression.op_assign) value.put(name, b.getOperand2());
                        else writes.merge(name, 1, Integer::sum);
                    } else if (e instanceof IASTUnaryExpression u && u.getOperand() instanceof IASTIdExpression id && isWrite(u.getOperator())) {
                        writes.merge(id.getName().toString(), 2, Integer::sum);
                    }
                    return PROCESS_CONTINUE;
                }
            });
            Map<String, IASTNode> once = new HashMap<>();
            if (expand) for (String n : names) if (writes.getOrDefault(n, 0) == 1 && value.containsKey(n)) once.put(n, value.get(n));
            return new Locals(names, once);
        }

        private static boolean isAssign(int op) {
            return op == IASTBinaryExpression.op_assign || op == IASTBinaryExpression.op_plusAssign || op == IASTBinaryExpression.op_minusAssign
                    || op == IASTBinaryExpression.op_multiplyAssign || op == IASTBinaryExpression.op_divideAssign
                    || op == IASTBinaryExpression.op_moduloAssign || op == IASTBinaryExpression.op_shiftLeftAssign
                    || op == IASTBinaryExpression.op_shiftRightAssign || op == IASTBinaryExpression.op_binaryAndAssign
                    || op == IASTBinaryExpression.op_binaryOrAssign || op == IASTBinaryExpression.op_binaryXorAssign;
        }

        private static boolean isWrite(int op) {
            return op == IASTUnaryExpression.op_prefixIncr || op == IASTUnaryExpression.op_prefixDecr || op == IASTUnaryExpression.op_postFixIncr
                    || op == IASTUnaryExpression.op_postFixDecr || op == IASTUnaryExpression.op_amper;
        }
    }
}
