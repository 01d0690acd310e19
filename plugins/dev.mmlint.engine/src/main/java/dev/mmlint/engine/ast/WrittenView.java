package dev.mmlint.engine.ast;

import dev.mmlint.frontend.SourceText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroExpansion;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.parser.DefaultLogService;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.IncludeFileContentProvider;

/**
 * The code as written, where the preprocessor hid it. In a real tree {@code compound_head(page)},
 * {@code nth_page(page, i)} or {@code pte_page(pte)} are macros: the AST holds their expansion
 * ({@code nth_page} becomes {@code ((page) + (i))} under SPARSEMEM_VMEMMAP), and every node of an
 * expansion reports the whole invocation as its location. For the names the reference model knows,
 * this view recovers the invocation as written: its name and its arguments, re-parsed from the real
 * text at their real offsets, so the engine reasons about {@code nth_page} and not about its body.
 */
public final class WrittenView {
    private static final String PROLOGUE = "void __mmlint_written(void){";
    /** A macro argument that names a type, not a value: C's arithmetic types, a tagged type, a kernel fixed-width or _t typedef, pointers to them. */
    private static final java.util.regex.Pattern TYPE_NAME = java.util.regex.Pattern.compile(
            "(?:const\\s+|volatile\\s+)*(?:(?:(?:unsigned|signed|long|short|int|char|_Bool|bool|float|double|void)\\b\\s*)+"
            + "|(?:struct|union|enum)\\s+\\w+\\s*|(?:__)?[us](?:8|16|32|64)\\s*|[a-z][a-z0-9_]*_t\\s*)\\**");

    /** A known macro invocation in the main file; {@code args} is null for object-like macros. */
    public record Invocation(String name, int offset, int length, List<IASTExpression> args, List<String> argTexts,
                             boolean known, IASTFunctionCallExpression written) {
        public boolean functionLike() { return args != null; }

        public boolean contains(int off) { return off >= offset && off < offset + length; }
    }

    private final TreeMap<Integer, Invocation> byOffset = new TreeMap<>();
    /** unknown macros whose arguments mention known names, re-parsed as written */
    private final TreeMap<Integer, Invocation> unknown = new TreeMap<>();
    /** every written (re-parsed) expression by its real offset, for mapping expanded nodes back */
    private final List<IASTExpression> writtenExprs = new ArrayList<>();
    private final Map<IASTNode, IASTExpression> writtenCache = new java.util.IdentityHashMap<>();
    private final Set<String> knownNames = new java.util.HashSet<>();
    private IASTTranslationUnit tu;
    /**
     * Answers about one node of the unit that depend on the node alone (where a call was written, the
     * text the model classifies an expression by), kept for the unit's lifetime: a function's dataflow
     * runs several times (rounds of summaries and caller contexts) and sweeps each node until the
     * facts settle, asking the same question of the same node each time. Read and written by the one
     * thread that analyses the unit, as the view's other caches are.
     */
    private final Map<IASTNode, Object> memo = new java.util.IdentityHashMap<>();

    /**
     * {@code f(n)} the first time it is asked of {@code n} under {@code kind}, the same answer after.
     * {@code f} must depend on the node alone (its text, its place, the unit), never on flow facts.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Memo<T> kind, IASTNode n, java.util.function.Function<IASTNode, T> f) {
        Object[] slots = (Object[]) memo.computeIfAbsent(n, k -> new Object[Memo.SLOTS]);
        Object v = slots[kind.slot];
        if (v == null) {
            v = f.apply(n);
            slots[kind.slot] = v == null ? Memo.NULL : v;
        }
        return v == Memo.NULL ? null : (T) v;
    }

    /** A question {@link #memo} keeps answers of. */
    public static final class Memo<T> {
        private static final Object NULL = new Object();
        private static final int SLOTS = 8;
        private static int count;
        private final int slot;

        private Memo() { slot = count++; }

        /** Declared once, as a static field of the class asking. */
        public static synchronized <T> Memo<T> of() {
            if (count >= SLOTS) throw new IllegalStateException("more memo kinds than slots");
            return new Memo<>();
        }
    }

    private WrittenView() {}

    public static WrittenView empty() { return new WrittenView(); }

    public static WrittenView build(IASTTranslationUnit tu, SourceText text, Set<String> names) {
        WrittenView v = new WrittenView();
        v.knownNames.addAll(names);
        String path = tu.getFilePath();
        String src = text.content();
        List<int[]> bodies = new ArrayList<>();
        for (var d : tu.getDeclarations()) {
            if (d instanceof IASTFunctionDefinition fd) {
                IASTFileLocation l = fd.getFileLocation();
                if (l != null && path.equals(l.getFileName())) bodies.add(new int[] {l.getNodeOffset(), l.getNodeOffset() + l.getNodeLength()});
            }
        }
        Map<Integer, Object[]> pending = new HashMap<>(); // offset -> {name, length, argTexts, argOffsets}
        v.tu = tu;
        for (IASTPreprocessorMacroExpansion e : tu.getMacroExpansions()) {
            String name = e.getMacroReference().toString();
            IASTFileLocation l = e.getFileLocation();
            if (l == null || !path.equals(l.getFileName())) continue;
            int off = l.getNodeOffset(), len = l.getNodeLength();
            if (off + len > src.length() || !src.startsWith(name, off)) continue;
            if (!inside(bodies, off)) continue;
            boolean known = names.contains(name);
            if (!known && !mentions(src, off + name.length(), off + len, names)) continue;
            int p = off + name.length();
            while (p < off + len && Character.isWhitespace(src.charAt(p))) p++;
            if (p < off + len && src.charAt(p) == '(') {
                List<int[]> spans = splitArgs(src, p, off + len);
                if (spans == null) continue;
                pending.put(off, new Object[] {name, len, spans, known});
            } else if (known) {
                v.byOffset.put(off, new Invocation(name, off, len, null, null, true, null));
            }
        }
        if (!pending.isEmpty()) v.parseArguments(src, pending);
        return v;
    }

    /** Whether src[from, to) holds one of {@code names} as a whole identifier. */
    private static boolean mentions(String src, int from, int to, Set<String> names) {
        int i = from;
        while (i < to) {
            char c = src.charAt(i);
            if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < to && Character.isJavaIdentifierPart(src.charAt(j))) j++;
                if (names.contains(src.substring(i, j))) return true;
                i = j;
            } else i++;
        }
        return false;
    }

    private static boolean inside(List<int[]> bodies, int off) {
        for (int[] b : bodies) if (off >= b[0] && off < b[1]) return true;
        return false;
    }

    /** Top-level argument spans of the call whose '(' is at {@code open}; null when unbalanced. */
    public static List<int[]> splitArgs(String s, int open, int limit) {
        List<int[]> out = new ArrayList<>();
        int depth = 0, start = open + 1;
        for (int i = open; i < limit; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> {
                    depth--;
                    if (depth == 0) {
                        if (i > start || !out.isEmpty() || !s.substring(start, i).isBlank()) out.add(new int[] {start, i});
                        return out;
                    }
                }
                case ',' -> { if (depth == 1) { out.add(new int[] {start, i}); start = i + 1; } }
                case '"', '\'' -> {
                    int j = i + 1;
                    while (j < limit && s.charAt(j) != c) { if (s.charAt(j) == '\\') j++; j++; }
                    i = j;
                }
                case '/' -> {
                    if (i + 1 < limit && s.charAt(i + 1) == '*') { int j = s.indexOf("*/", i + 2); if (j < 0) return null; i = j + 1; }
                    else if (i + 1 < limit && s.charAt(i + 1) == '/') { int j = s.indexOf('\n', i); if (j < 0) return null; i = j; }
                }
                default -> { }
            }
        }
        return null;
    }

    /**
     * Re-parses every known function-like invocation as a plain call, in one synthetic translation
     * unit whose text keeps each invocation at its real offset (everything else blanked), so the
     * re-parsed nodes carry real offsets.
     */
    private void parseArguments(String src, Map<Integer, Object[]> pending) {
        Map<Integer, IASTFunctionCallExpression> calls = new HashMap<>();
        // the outermost invocations (the others are parsed as part of them)
        List<Integer> outer = new ArrayList<>();
        int outerEnd = -1;
        for (Map.Entry<Integer, Object[]> e : new TreeMap<>(pending).entrySet()) {
            if (e.getKey() < outerEnd) continue;
            outer.add(e.getKey());
            outerEnd = e.getKey() + (Integer) e.getValue()[1];
        }
        // a text CDT rejects breaks the whole expression it is part of: the invocations a batch leaves
        // unparsed are parsed again in halves, so one such text costs the others nothing (bounded)
        int[] budget = {MAX_BATCHES};
        parseHalves(src, pending, outer, calls, budget);
        // an invocation nested in another one's argument is known by its call inside that one's; where
        // that could not be parsed it is judged through its expansion, as an invocation of an unknown macro
        java.util.Set<Integer> nested = new java.util.HashSet<>(pending.keySet());
        outer.forEach(nested::remove);
        for (Map.Entry<Integer, Object[]> e : pending.entrySet()) {
            int off = e.getKey();
            if (nested.contains(off) && !calls.containsKey(off)) continue;
            String name = (String) e.getValue()[0];
            int len = (Integer) e.getValue()[1];
            @SuppressWarnings("unchecked") List<int[]> spans = (List<int[]>) e.getValue()[2];
            List<String> texts = new ArrayList<>();
            for (int[] s : spans) texts.add(src.substring(s[0], s[1]).trim());
            IASTFunctionCallExpression c = calls.get(off);
            List<IASTExpression> args = new ArrayList<>();
            if (c != null) {
                for (IASTInitializerClause a : c.getArguments()) args.add(a instanceof IASTExpression x ? x : null);
            }
            while (args.size() < texts.size()) args.add(null);
            boolean known = (Boolean) e.getValue()[3];
            Invocation inv = new Invocation(name, off, len, args, texts, known, c);
            if (known) byOffset.put(off, inv);
            else if (c != null) unknown.put(off, inv);
            if (c != null) index(c);
        }
    }

    /** How many synthetic translation units one file's invocations may take, at most. */
    private static final int MAX_BATCHES = 256;

    /** Parses the invocations starting at {@code which} in one batch, and the ones it leaves unparsed in halves. */
    private static void parseHalves(String src, Map<Integer, Object[]> pending, List<Integer> which,
                                    Map<Integer, IASTFunctionCallExpression> calls, int[] budget) {
        if (which.isEmpty() || budget[0] <= 0) return;
        budget[0]--;
        parseBatch(src, pending, new java.util.HashSet<>(which), calls);
        List<Integer> left = new ArrayList<>();
        for (Integer off : which) if (!calls.containsKey(off)) left.add(off);
        if (left.isEmpty() || left.size() == 1 && which.size() == 1) return;
        int half = left.size() / 2;
        if (half == 0) { parseHalves(src, pending, left, calls, budget); return; }
        parseHalves(src, pending, left.subList(0, half), calls, budget);
        parseHalves(src, pending, left.subList(half, left.size()), calls, budget);
    }

    /**
     * Parses the invocations of {@code pending} starting at {@code which} (and the ones nested in them)
     * in one synthetic translation unit whose text keeps each at its real offset (everything else
     * blanked); adds the calls found at pending offsets to {@code calls}.
     */
    private static void parseBatch(String src, Map<Integer, Object[]> pending, java.util.Set<Integer> which,
                                   Map<Integer, IASTFunctionCallExpression> calls) {
        char[] syn = new char[src.length() + 2];
        Arrays.fill(syn, ' ');
        for (int i = 0; i < src.length(); i++) if (src.charAt(i) == '\n') syn[i] = '\n';
        // one expression statement `0+ A+ B+ C;` keeps every invocation at its offset and makes each
        // one a call: alone, `page_private(folio_page(folio, i));` would parse as a declaration
        String prologue = PROLOGUE + "0+";
        int first = which.isEmpty() ? 0 : java.util.Collections.min(which);
        if (prologue.length() > first) prologue = PROLOGUE;
        prologue.getChars(0, prologue.length(), syn, 0);
        int lastEnd = prologue.length(), lastSep = -1;
        for (Map.Entry<Integer, Object[]> e : new TreeMap<>(pending).entrySet()) {
            int off = e.getKey(), len = (Integer) e.getValue()[1];
            if (off < lastEnd) continue; // nested in the one before: its call is part of that one's
            if (!which.contains(off)) continue;
            src.getChars(off, off + len, syn, off);
            syn[off + len] = prologue == PROLOGUE ? ';' : '+';
            lastSep = off + len;
            lastEnd = off + len + 1;
        }
        // a type argument (min_t(unsigned long, x, y)) is no expression: an identifier of its length
        // in its place lets the call parse, and the other arguments keep their offsets
        for (Map.Entry<Integer, Object[]> e : pending.entrySet()) {
            int off = e.getKey();
            if (syn[off] != src.charAt(off) || Character.isWhitespace(syn[off])) continue; // not copied
            @SuppressWarnings("unchecked") List<int[]> spans = (List<int[]>) e.getValue()[2];
            for (int[] sp : spans) {
                String t = src.substring(sp[0], sp[1]);
                String tt = t.strip();
                if (tt.isEmpty() || !TYPE_NAME.matcher(tt).matches()) continue;
                int a = sp[0] + t.indexOf(tt);
                Arrays.fill(syn, a, a + tt.length(), '_');
            }
        }
        if (lastSep >= 0) syn[lastSep] = ';';
        else if (prologue != PROLOGUE) syn[prologue.length() - 1] = ';';
        syn[syn.length - 1] = '}';
        IASTTranslationUnit mini;
        try {
            mini = GCCLanguage.getDefault().getASTTranslationUnit(FileContent.create("<written>", syn),
                    new ExtendedScannerInfo(Map.of(), new String[0]), IncludeFileContentProvider.getEmptyFilesProvider(),
                    null, 0, new DefaultLogService());
        } catch (Exception ex) {
            return;
        }
        mini.accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression x) {
                if (x instanceof IASTFunctionCallExpression c) {
                    IASTFileLocation l = c.getFileLocation();
                    if (l != null && pending.containsKey(l.getNodeOffset())
                            && (Integer) pending.get(l.getNodeOffset())[1] == l.getNodeLength())
                        calls.putIfAbsent(l.getNodeOffset(), c);
                }
                return PROCESS_CONTINUE;
            }
        });
    }

    private void index(IASTFunctionCallExpression c) {
        c.accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression x) { writtenExprs.add(x); return PROCESS_CONTINUE; }
        });
    }

    /**
     * For an expression of the real AST that a macro the model does not know produced (the
     * condition inside {@code unlikely(compound_head(page) != head)}), the same expression as
     * written in the file, where that can be told: the smallest written expression covering the
     * file positions of the node's argument names, of the same shape, or the known invocation it
     * lies in. Null when the node is not inside such a macro or no written counterpart exists.
     */
    public IASTExpression written(IASTExpression node) {
        if (unknown.isEmpty() || node.getTranslationUnit() != tu) return null;
        IASTFileLocation l = node.getFileLocation();
        if (l == null) return null;
        var e = unknown.floorEntry(l.getNodeOffset());
        if (e == null || !e.getValue().contains(l.getNodeOffset())) return null;
        if (writtenCache.containsKey(node)) return writtenCache.get(node);
        IASTExpression w = map(node, e.getValue());
        writtenCache.put(node, w);
        return w;
    }

    private IASTExpression map(IASTExpression node, Invocation outer) {
        int[] range = {Integer.MAX_VALUE, -1};
        node.accept(new ASTVisitor(true) {
            @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTName n) {
                var il = ImageLocations.of(n);
                if (il != null && il.getLocationKind() == org.eclipse.cdt.core.dom.ast.IASTImageLocation.ARGUMENT_TO_MACRO_EXPANSION) {
                    range[0] = Math.min(range[0], il.getNodeOffset());
                    range[1] = Math.max(range[1], il.getNodeOffset() + il.getNodeLength());
                }
                return PROCESS_CONTINUE;
            }
        });
        if (range[1] < 0) return null;
        IASTExpression best = null;
        int bestLen = Integer.MAX_VALUE;
        for (IASTExpression x : writtenExprs) {
            IASTFileLocation xl = x.getFileLocation();
            if (xl == null || !outer.contains(xl.getNodeOffset())) continue;
            int a = xl.getNodeOffset(), b = a + xl.getNodeLength();
            if (a <= range[0] && b >= range[1] && b - a < bestLen) { best = x; bestLen = b - a; }
        }
        IASTExpression n = strip(node);
        for (IASTNode m = best; m instanceof IASTExpression x; m = m.getParent()) {
            if (x == outer.written()) return null; // reached the unknown macro itself
            IASTExpression sx = strip(x);
            if (sameShape(n, sx)) return x;
            if (sx instanceof IASTFunctionCallExpression c && c.getFunctionNameExpression() instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression id
                    && knownNames.contains(id.getName().toString()) && !operatorLike(n)) return x;
        }
        return null;
    }

    private static IASTExpression strip(IASTExpression e) {
        while (e instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression u
                && u.getOperator() == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_bracketedPrimary) e = u.getOperand();
        return e;
    }

    private static boolean sameShape(IASTExpression a, IASTExpression b) {
        if (a instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression x && b instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression y)
            return x.getOperator() == y.getOperator();
        if (a instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression x && b instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression y)
            return x.getOperator() == y.getOperator();
        if (a instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression x && b instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression y)
            return x.getName().toString().equals(y.getName().toString());
        if (a instanceof org.eclipse.cdt.core.dom.ast.IASTFieldReference x && b instanceof org.eclipse.cdt.core.dom.ast.IASTFieldReference y)
            return x.getFieldName().toString().equals(y.getFieldName().toString());
        if (a instanceof org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression && b instanceof org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression)
            return true;
        if (a instanceof IASTFunctionCallExpression x && b instanceof IASTFunctionCallExpression y)
            return x.getFunctionNameExpression().getRawSignature().equals(y.getFunctionNameExpression().getRawSignature());
        return false;
    }

    /** Operators a macro body wraps around its argument (!!(x), -x): never the expansion of a known macro. */
    private static boolean operatorLike(IASTExpression e) {
        if (e instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression u) {
            int op = u.getOperator();
            return op == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_not || op == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_minus
                    || op == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_tilde;
        }
        if (e instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression b) {
            int op = b.getOperator();
            return op == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_equals || op == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_notequals
                    || op == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_logicalAnd || op == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_logicalOr
                    || op == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_lessThan || op == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_greaterThan
                    || op == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_lessEqual || op == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_greaterEqual;
        }
        return false;
    }

    /** The invocation whose expansion {@code node} is the outermost expression of, if any. */
    public Invocation rootedAt(IASTNode node) {
        if (byOffset.isEmpty() || !(node instanceof IASTExpression) || node.getTranslationUnit() != tu) return null;
        IASTFileLocation l = node.getFileLocation();
        if (l == null) return null;
        Invocation inv = byOffset.get(l.getNodeOffset());
        if (inv == null || inv.length != l.getNodeLength()) return null;
        IASTNode parent = node.getParent();
        if (parent instanceof IASTExpression) {
            IASTFileLocation pl = parent.getFileLocation();
            if (pl != null && pl.getNodeOffset() == l.getNodeOffset() && pl.getNodeLength() == l.getNodeLength()) return null;
        }
        return inv;
    }

    /** The invocation whose text holds {@code offset}, if any. */
    public Invocation containing(int offset) {
        if (byOffset.isEmpty()) return null;
        var e = byOffset.floorEntry(offset);
        return e != null && e.getValue().contains(offset) ? e.getValue() : null;
    }

    public List<Invocation> all() { return List.copyOf(byOffset.values()); }

    public List<Invocation> within(int from, int to) {
        return List.copyOf(byOffset.subMap(from, true, to, false).values());
    }
}
