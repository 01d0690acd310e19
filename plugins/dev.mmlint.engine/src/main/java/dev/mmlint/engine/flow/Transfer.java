package dev.mmlint.engine.flow;

import dev.mmlint.cfg.CfgEdge;
import dev.mmlint.cfg.CfgNode;
import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.engine.knowledge.Clause;
import dev.mmlint.engine.knowledge.RangeClass;
import dev.mmlint.frontend.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;

/**
 * The transfer functions of the page-state dataflow: what each CFG node does to the abstract state,
 * and what each branch edge teaches. Kernel API behaviour comes from {@link ApiKnowledge} and from
 * the summaries of functions of the same translation unit; nothing here names a kernel function
 * except compiler builtins.
 */
public final class Transfer {
    /** Values of expressions, as far as the analysis cares. */
    sealed interface V {}
    record Page(PageValue v, String var) implements V {}
    record Spec(String var, String api, int offset) implements V {}
    record Count(String array) implements V {}
    record Mapcount(String var, PageValue v, String api, Clause clause) implements V {}
    record Test(String var, ApiEffect.Result kind) implements V {}
    record Int(Bound size, Long constant, String var) implements V {}
    record Addr(String var) implements V {}
    /** the pfn of page variable {@code page} (page_to_pfn(page)) */
    record Pfn(String page) implements V {}
    /** a page-table entry mapping a hugetlb folio as a whole (huge_ptep_get()) */
    record HugeEntry(Clause clause) implements V {}
    record Not(V inner) implements V {}
    record Cmp(int op, V l, V r) implements V {}
    record Unknown() implements V {}
    static final V UNKNOWN = new Unknown();

    /** Receives what only the final pass reports: events for checks, summary facts. */
    public interface Sink {
        void event(Event e);
        void requiresHead(int param, FunctionSummary.Requirement r);
        void returns(PageValue v);
    }

    private final ApiKnowledge kb;
    private final WrittenView view;
    private final SourceText text;
    private final Function<String, FunctionSummary> summaries;
    private final FunctionFacts facts;
    private final Map<Integer, V> conditionValues = new HashMap<>();
    /** mapcount/refcount comparisons against 1 or 2, by the comparison value (identity) */
    private final Map<Cmp, Event.MapcountTest> mapcountTests = new java.util.IdentityHashMap<>();
    private final Map<Integer, List<ApiKnowledge.Validation>> conditionChecks = new HashMap<>();
    private Sink sink;
    private FlowState st;
    private int silent;
    /** Speculative gets seen in the reporting pass, emitted by {@link #finish()} once their outcome paths are known. */
    private final List<Event.SpeculativeGet> gets = new ArrayList<>();
    /** get offset -> the value-returning exits its failure reaches (reporting pass) */
    private final Map<Integer, List<Exit>> failureExits = new HashMap<>();
    /** page variable -> the values returned where no get on it failed (not tried yet, or it succeeded) */
    private final Map<String, Set<String>> otherExits = new HashMap<>();
    /** get offset -> the first head use of the page after the get succeeded and before a re-check */
    private final Map<Integer, String> headUses = new HashMap<>();

    /** A return statement reached: the value it returns (normalised) and its line. */
    private record Exit(String value, int line) {}

    public Transfer(ApiKnowledge kb, WrittenView view, SourceText text, Function<String, FunctionSummary> summaries,
                    FunctionFacts facts) {
        this.kb = kb;
        this.view = view;
        this.text = text;
        this.summaries = summaries;
        this.facts = facts;
    }

    /** Set during the reporting pass only. */
    public void setSink(Sink s) { sink = s; }

    // ------------------------------------------------------------------ nodes

    public FlowState entryState() {
        FlowState s = new FlowState();
        facts.params().forEach((name, idx) -> {
            if (facts.pageVars().contains(name)) s.pages.put(name, PageValue.param(idx, name, new PageValue.Origin(0, 0, "parameter " + name)));
            else if (facts.folioVars().contains(name))
                s.pages.put(name, PageValue.of(Shape.FOLIO, new PageValue.Origin(0, 0, "parameter " + name), null));
        });
        return s;
    }

    public FlowState node(CfgNode n, FlowState in) {
        st = in.copy();
        if (n.isLoopHead() && !st.failedGets.isEmpty()) nextIteration(n);
        IASTNode ast = n.ast();
        if (ast == null) return st;
        WrittenView.Invocation inside = view.containing(offset(ast));
        if (inside != null) {
            int end = offset(ast) + length(ast), invEnd = inside.offset() + inside.length();
            boolean wraps = offset(ast) <= inside.offset() && end >= invEnd && (end > invEnd || offset(ast) < inside.offset());
            if (kb.assertion(inside.name()).isPresent() || (!wraps && view.rootedAt(ast) != inside)) {
                // a node made by a known macro's body (VM_BUG_ON_PAGE's if, BUG): judge the macro as written
                if (n.kind() == CfgNode.Kind.CONDITION || n.kind() == CfgNode.Kind.SWITCH) conditionValues.put(n.id(), UNKNOWN);
                assertionAt(inside);
                return st;
            }
        }
        switch (n.kind()) {
            case CONDITION, SWITCH -> {
                conditionValues.put(n.id(), ast instanceof IASTExpression e ? eval(e) : UNKNOWN);
                conditionChecks.put(n.id(), ast instanceof IASTExpression e ? validations(e) : List.of());
            }
            case RETURN -> ret((IASTReturnStatement) ast);
            case STATEMENT -> statement(ast);
            default -> { }
        }
        return st;
    }

    /**
     * A failed speculative get that reaches the head of a loop around it goes on to the next page of the
     * walk: that failure is a skip (refcount.speculative-on-head), settled here.
     */
    private void nextIteration(CfgNode head) {
        IASTNode loop = head.origin();
        if (!(loop instanceof IASTForStatement || loop instanceof IASTWhileStatement || loop instanceof IASTDoStatement)) return;
        int from = offset(loop), to = from + length(loop);
        st.failedGets.values().removeIf(get -> get >= from && get < to);
    }

    /** A known assertion macro (VM_BUG_ON_PAGE(cond, page)): after it, cond is false. */
    private void assertionAt(WrittenView.Invocation inv) {
        if (inv.functionLike()) assertion(inv.name(), inv.args(), inv.argTexts(), inv.offset());
    }

    private void assertion(String name, List<IASTExpression> args, List<String> argTexts, int off) {
        Optional<Integer> a = kb.assertion(name);
        if (a.isEmpty() || a.get() >= args.size()) return;
        IASTExpression cond = args.get(a.get());
        if (cond == null) return;
        silent++;
        V v = eval(cond);
        silent--;
        // contract: asserting a parameter is not a tail makes the function head-only for it
        if (v instanceof Test t && t.kind() == ApiEffect.Result.IS_TAIL && sink != null) {
            PageValue pv = st.pages.get(t.var());
            if (pv != null && pv.shape() == Shape.PARAM)
                sink.requiresHead(pv.param(), new FunctionSummary.Requirement(t.var(),
                        name + "(" + String.join(", ", argTexts) + ")", text.line(off), null, true, pathCondition(Map.of())));
        }
        refine(v, false);
    }

    private void statement(IASTNode ast) {
        if (ast instanceof IASTExpressionStatement es) eval(es.getExpression());
        else if (ast instanceof IASTDeclarationStatement ds) declaration(ds.getDeclaration());
        else if (ast instanceof IASTSimpleDeclaration sd) declaration(sd);
        else if (ast instanceof IASTDeclarator d) declarator(d);
        else if (ast instanceof IASTExpression e) eval(e);
    }

    private void declaration(IASTDeclaration d) {
        if (d instanceof IASTSimpleDeclaration sd) for (IASTDeclarator dc : sd.getDeclarators()) declarator(dc);
    }

    private void declarator(IASTDeclarator dc) {
        String name = dc.getName().toString();
        st.kill(name);
        if (dc.getInitializer() instanceof IASTEqualsInitializer ei && ei.getInitializerClause() instanceof IASTExpression e) {
            assign(name, eval(e), offset(e));
            entryRead(name, e);
        } else if (facts.localArrays().contains(name) || facts.pageArrays().contains(name)) {
            // a fresh array: nothing held yet
            st.arrays.remove(name);
        }
    }

    private void ret(IASTReturnStatement r) {
        IASTExpression e = r.getReturnValue();
        V v = e == null ? UNKNOWN : eval(e);
        if (sink != null && e != null) exits(r, e, v);
        if (v instanceof Cmp c && mapcountTests.containsKey(c)) emit(mapcountTests.get(c).at("returned", text.line(offset(r))));
        if (v instanceof Page p) {
            if (p.v().unvalidated()) use(e, p, "returned");
            if (sink != null) sink.returns(p.v());
        }
        String escaped = e instanceof IASTIdExpression id ? id.getName().toString() : null;
        leaks(r, escaped, st);
    }

    /**
     * Where the failure of a speculative get ends, for MM003: a value-returning exit reached with the
     * failure still unsettled, or a get whose outcome is itself returned. Exits reached where the get was
     * not tried (an earlier rejection of the page) or succeeded give the values the function returns for
     * pages it does not fail on.
     */
    private void exits(IASTReturnStatement r, IASTExpression e, V v) {
        int line = text.line(offset(r));
        String value = normalised(e);
        for (Map.Entry<String, Integer> f : st.failedGets.entrySet())
            failureExits.computeIfAbsent(f.getValue(), k -> new ArrayList<>()).add(new Exit(value, line));
        for (Map.Entry<String, PageValue> p : st.pages.entrySet()) {
            if (st.failedGets.containsKey(p.getKey()) && !st.untried.containsKey(p.getKey()) && p.getValue().ref() == RefState.NONE) continue;
            otherExits.computeIfAbsent(p.getKey(), k -> new java.util.HashSet<>()).add(value);
        }
        // return get_page_unless_zero(page): the failure is the function's own result
        boolean negated = v instanceof Not n && n.inner() instanceof Spec;
        if (v instanceof Spec || negated) {
            Spec sp = (Spec) (negated ? ((Not) v).inner() : v);
            failureExits.computeIfAbsent(sp.offset(), k -> new ArrayList<>()).add(new Exit(negated ? "1" : "0", line));
        }
    }

    /** A returned value as text, with the spellings of false and NULL made one. */
    private static String normalised(IASTExpression e) {
        return normalised(e.getRawSignature());
    }

    private static String normalised(String text) {
        String t = text.replaceAll("\\s+", " ").trim();
        for (List<int[]> in = parenthesised(t); in != null; in = parenthesised(t)) t = t.substring(1, t.length() - 1).trim();
        return switch (t) {
            case "NULL", "false", "(void *)0", "0" -> "0";
            case "true", "1" -> "1";
            default -> t;
        };
    }

    /** The one operand of a text wholly in parentheses, or null. */
    private static List<int[]> parenthesised(String t) {
        if (!t.startsWith("(") || !t.endsWith(")")) return null;
        List<int[]> inner = WrittenView.splitArgs(t, 0, t.length());
        return inner != null && inner.size() == 1 && inner.get(0)[1] == t.length() - 1 ? inner : null;
    }

    /** Emits the speculative gets of the reporting pass with what their failure and success paths do. */
    public void finish() {
        for (Event.SpeculativeGet g : gets) {
            String failure = null;
            String var = g.var();
            Set<String> others = var == null ? Set.of() : otherExits.getOrDefault(var, Set.of());
            for (Exit x : failureExits.getOrDefault(g.offset(), List.of()))
                if (!others.contains(x.value())) {
                    failure = "then the function returns " + x.value() + " (line " + x.line() + ")";
                    break;
                }
            emit(g.outcome(failure, headUses.get(g.offset())));
        }
        gets.clear();
        failureExits.clear();
        otherExits.clear();
        headUses.clear();
    }

    /** References of local GUP arrays still held where the function returns. */
    public void leaks(IASTNode at, String escaped, FlowState s) {
        if (sink == null) return;
        for (Map.Entry<String, ArrayHold> a : new java.util.TreeMap<>(s.arrays).entrySet()) {
            ArrayHold h = a.getValue();
            if (h.local() && h.status() == ArrayHold.Status.HELD && !a.getKey().equals(escaped))
                sink.event(new Event.Leak(offset(at), length(at), a.getKey(), h));
        }
    }

    public FlowState edge(CfgEdge e, FlowState out) {
        if (e.kind() != CfgEdge.EdgeKind.TRUE && e.kind() != CfgEdge.EdgeKind.FALSE) return out;
        boolean truth = e.kind() == CfgEdge.EdgeKind.TRUE;
        V v = conditionValues.get(e.from().id());
        List<ApiKnowledge.Validation> checks = conditionChecks.getOrDefault(e.from().id(), List.of());
        if ((v == null || v instanceof Unknown) && checks.isEmpty()) return out;
        st = out.copy();
        silent++;
        if (v != null) refine(v, truth);
        for (ApiKnowledge.Validation c : checks) if (c.changedWhenTrue() != truth) validate(c);
        silent--;
        return st;
    }

    /** The model's validator patterns matching a branch condition, as written, likely()/unlikely() stripped. */
    private List<ApiKnowledge.Validation> validations(IASTExpression cond) {
        IASTExpression w = view.written(cond);
        String t = (w != null ? w : cond).getRawSignature().trim();
        for (boolean again = true; again; ) {
            again = false;
            for (String wrap : new String[] {"unlikely(", "likely(", "(", "!!("}) {
                if (!t.startsWith(wrap) || !t.endsWith(")")) continue;
                List<int[]> inner = WrittenView.splitArgs(t, wrap.length() - 1, t.length());
                if (inner != null && inner.size() == 1 && inner.get(0)[1] == t.length() - 1) {
                    t = t.substring(wrap.length(), t.length() - 1).trim();
                    again = true;
                }
            }
        }
        List<ApiKnowledge.Validation> out = new ArrayList<>(kb.validations(t));
        // the CFG keeps no '!' on a condition node: "!pte_same(a, b)" arrives as "pte_same(a, b)"
        for (ApiKnowledge.Validation v : kb.validations("!" + t))
            out.add(new ApiKnowledge.Validation(v.kind(), v.head(), v.bindings(), !v.changedWhenTrue(), v.clause()));
        return out;
    }

    /** A re-check succeeded on this edge: the speculative references it covers are validated. */
    private void validate(ApiKnowledge.Validation c) {
        if (c.head()) {
            String var = c.bindings().getOrDefault("head", c.bindings().get("folio"));
            PageValue h = var == null ? null : st.pages.get(var);
            if (h != null) st.pages.put(var, h.validated(true, false).step(new WitnessStep("validate", c.kind(), 0)));
            if (var != null) st.unverified.remove(var);
            String page = c.bindings().get("page");
            if (page != null) st.unverified.remove(page);
            return;
        }
        String entry = c.bindings().getOrDefault("pte", c.bindings().get("orig"));
        String ptr = c.bindings().getOrDefault("ptep", c.bindings().get("pmdp"));
        for (Map.Entry<String, PageValue> p : new ArrayList<>(st.pages.entrySet())) {
            PageValue v = p.getValue();
            if ((entry != null && entry.equals(v.fromEntry())) || (ptr != null && ptr.equals(v.entryPtr())))
                st.pages.put(p.getKey(), v.validated(false, true).step(new WitnessStep("validate", c.kind(), 0)));
        }
    }

    // ------------------------------------------------------------------ refinement

    private void refine(V v, boolean truth) {
        if (v instanceof Not n) { refine(n.inner(), !truth); return; }
        if (v instanceof Spec s) {
            if (truth && s.var() != null) {
                PageValue pv = st.pages.get(s.var());
                // a speculative get succeeds only on a non-zero refcount, and tail pages keep theirs at zero
                // (refcount.speculative-on-head): where it succeeded, the page was not a tail; what it is now
                // stays open until the code re-checks it (rechecks_page, a head/folio re-check)
                if (pv != null && pv.shape().mayBeTail()) {
                    pv = pv.withShape(notTail(pv), pv.origin(), pv.originClause());
                    st.unverified.put(s.var(), s.offset());
                }
                if (pv != null) st.pages.put(s.var(), speculative(pv, s.api(), s.offset()));
            } else if (s.var() != null) {
                st.failedGets.put(s.var(), s.offset());
            }
            return;
        }
        if (v instanceof Page p && p.var() != null && !truth) {
            // the pointer is NULL on this edge: a failed try_grab_folio holds nothing
            PageValue pv = st.pages.get(p.var());
            if (pv != null && pv.ref() == RefState.SPECULATIVE) st.pages.put(p.var(), pv.withRef(RefState.NONE, null, null, false, false));
            return;
        }
        if (v instanceof Test t && t.var() != null) {
            PageValue pv = st.pages.getOrDefault(t.var(), PageValue.UNKNOWN);
            PageValue.Origin o = new PageValue.Origin(0, 0, "tested");
            switch (t.kind()) {
                case IS_TAIL -> st.pages.put(t.var(), pv.withShape(truth ? Shape.TAIL : notTail(pv), truth ? o : pv.origin(), pv.originClause()));
                case IS_HEAD -> { if (truth) st.pages.put(t.var(), pv.withShape(Shape.HEAD, pv.origin(), pv.originClause())); }
                case IS_COMPOUND -> { if (!truth) st.pages.put(t.var(), pv.withShape(Shape.SMALL, pv.origin(), pv.originClause())); }
                default -> { }
            }
            return;
        }
        if (v instanceof Count c) { countEdge(c.array(), truth ? 1 : 0); return; }
        // if (compound): on this edge the parameter has this truth (conditions of learned requirements)
        if (v instanceof Int i && i.var() != null && facts.flagParams().contains(i.var())) { st.paramTruths.put(i.var(), truth); return; }
        if (v instanceof Cmp c) refineCmp(c, truth);
    }

    private static Shape notTail(PageValue pv) {
        return pv.shape() == Shape.SMALL || pv.shape() == Shape.FOLIO ? pv.shape() : Shape.HEAD;
    }

    private void refineCmp(Cmp c, boolean truth) {
        Event.MapcountTest mt = mapcountTests.get(c);
        if (mt != null && looksExclusive(c, truth)) st.exclusive.put(Integer.toString(mt.offset()), mt);
        int op = c.op();
        boolean eq = op == IASTBinaryExpression.op_equals, ne = op == IASTBinaryExpression.op_notequals;
        if (eq || ne) {
            boolean equal = eq == truth;
            if (equal) {
                headEqual(c.l(), c.r());
                headEqual(c.r(), c.l());
            }
        }
        // GUP counts against constants
        if (c.l() instanceof Count k && c.r() instanceof Int i && i.constant() != null) countCmp(k.array(), op, i.constant(), truth, false);
        else if (c.r() instanceof Count k && c.l() instanceof Int i && i.constant() != null) countCmp(k.array(), op, i.constant(), truth, true);
        // loop guards: i < bound
        if (c.l() instanceof Int i && i.var() != null && c.r() instanceof Int b && b.size() != null && truth
                && (op == IASTBinaryExpression.op_lessThan || op == IASTBinaryExpression.op_lessEqual || ne))
            st.bounds.put(i.var(), b.size());
        if (c.r() instanceof Int i && i.var() != null && c.l() instanceof Int b && b.size() != null && truth
                && (op == IASTBinaryExpression.op_greaterThan || op == IASTBinaryExpression.op_greaterEqual || ne))
            st.bounds.put(i.var(), b.size());
    }

    /** compound_head(page) == page: on this edge page is a head. */
    private void headEqual(V a, V b) {
        if (!(a instanceof Page ha) || !(b instanceof Page hb)) return;
        String of = ha.v().headOf();
        if (of == null || ha.var() != null || !of.equals(hb.var())) return;
        PageValue pv = st.pages.getOrDefault(of, PageValue.UNKNOWN);
        st.pages.put(of, pv.withShape(Shape.HEAD, pv.origin(), pv.originClause()));
    }

    /** count OP c is {@code truth}: when that implies count <= 0, the array holds nothing. */
    private void countCmp(String array, int op, long c, boolean truth, boolean swapped) {
        if (swapped) op = mirror(op);
        // the largest value count can have on this edge, when bounded above
        Long max = maxOnEdge(op, c, truth, false);
        ArrayHold h = st.arrays.get(array);
        if (h != null && h.requested() != null && op == IASTBinaryExpression.op_notequals && truth && c == h.requested()) max = c - 1;
        if (h != null && h.requested() != null && op == IASTBinaryExpression.op_lessThan && truth && c == h.requested()) max = c - 1;
        if (max != null && max <= 0) countEdge(array, 0);
    }

    private void countEdge(String array, int some) {
        ArrayHold h = st.arrays.get(array);
        if (h == null) return;
        if (some == 0 && h.status() == ArrayHold.Status.HELD) st.arrays.put(array, h.with(ArrayHold.Status.NONE));
    }

    private PageValue speculative(PageValue pv, String api, int off) {
        java.util.Set<String> by = kb.call(api).map(ApiEffect::validatedBy).orElse(java.util.Set.of());
        boolean needHead = pv.headOf() != null && (by.contains("head_recheck") || by.contains("folio_recheck") || by.contains("xas_reload"));
        // the entry re-read belongs to the code that read the entry: one handed in by value by the caller
        // (which reads it under the page table lock) cannot be re-read here
        boolean readHere = pv.entryPtr() != null || (pv.fromEntry() != null && !facts.params().containsKey(pv.fromEntry()));
        boolean needEntry = readHere && (by.contains("pte_recheck") || by.contains("pmd_recheck"));
        return pv.withRef(RefState.SPECULATIVE, origin(off, api + "()"), api, needHead, needEntry)
                .step(new WitnessStep("speculative_get", api, text.line(off)));
    }

    // ------------------------------------------------------------------ expressions

    private V eval(IASTExpression e) {
        if (e == null) return UNKNOWN;
        WrittenView.Invocation inv = view.rootedAt(e);
        if (inv != null) return invocation(inv, e);
        IASTExpression written = view.written(e);
        if (written != null && written != e) return eval(written);
        if (e instanceof IASTIdExpression id) return read(id.getName().toString(), e);
        if (e instanceof IASTLiteralExpression lit) return literal(lit);
        if (e instanceof IASTUnaryExpression u) return unary(u);
        if (e instanceof IASTBinaryExpression b) return binary(b);
        if (e instanceof IASTFunctionCallExpression c) return call(c);
        if (e instanceof IASTFieldReference f) return field(f, false);
        if (e instanceof IASTArraySubscriptExpression a) return subscript(a, false);
        if (e instanceof IASTCastExpression c) {
            V inner = eval(c.getOperand());
            // (unsigned long)(page - vmemmap) is a pfn: a cast to an integer type ends the page value
            if (inner instanceof Page && isInteger(c.getExpressionType())) return UNKNOWN;
            return inner;
        }
        if (e instanceof IASTConditionalExpression c) {
            eval(c.getLogicalConditionExpression());
            V p = eval(c.getPositiveResultExpression()), q = eval(c.getNegativeResultExpression());
            if (p instanceof Page a && q instanceof Page b) return new Page(a.v().join(b.v()), null);
            if (p instanceof Page a && isNull(c.getNegativeResultExpression())) return new Page(a.v(), null);
            if (q instanceof Page b && isNull(c.getPositiveResultExpression())) return new Page(b.v(), null);
            return UNKNOWN;
        }
        if (e instanceof IASTExpressionList l) {
            V last = UNKNOWN;
            for (IASTExpression x : l.getExpressions()) last = eval(x);
            return last;
        }
        if (e instanceof IGNUASTCompoundStatementExpression se) {
            // the CFG ran its statements before this node; its value is its last expression
            IASTStatement[] ss = se.getCompoundStatement() == null ? new IASTStatement[0] : se.getCompoundStatement().getStatements();
            if (ss.length > 0 && ss[ss.length - 1] instanceof IASTExpressionStatement es) {
                silent++;
                try { return eval(es.getExpression()); } finally { silent--; }
            }
            return UNKNOWN;
        }
        return UNKNOWN;
    }

    private static boolean isNull(IASTExpression e) {
        String t = e.getRawSignature().trim();
        return t.equals("NULL") || t.equals("0") || t.equals("((void *)0)");
    }

    private V read(String name, IASTExpression at) {
        PageValue pv = st.pages.get(name);
        if (pv != null) return new Page(pv, name);
        if (st.counts.containsKey(name)) return new Count(st.counts.get(name));
        if (st.conds.get(name) instanceof V c) return c;
        if (facts.pageVars().contains(name)) return new Page(PageValue.UNKNOWN, name);
        Bound size = st.bounds.getOrDefault(name, st.values.get(name));
        if (size == null && !facts.locals().contains(name) && !facts.params().containsKey(name))
            // an identifier the model may classify (a constant such as HPAGE_PMD_NR in a fragment)
            size = kb.size(name).map(r -> bound(r, at)).orElse(null);
        return new Int(size, null, name);
    }

    private Bound bound(RangeClass r, IASTNode at) { return new Bound(r.bounded(), r.what(), r.clause(), text.line(offset(at))); }

    private static V literal(IASTLiteralExpression lit) {
        if (lit.getKind() != IASTLiteralExpression.lk_integer_constant) return UNKNOWN;
        String s = lit.toString().toLowerCase().replaceAll("[ul]+$", "");
        try {
            long v = s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : s.length() > 1 && s.startsWith("0") ? Long.parseLong(s, 8) : Long.parseLong(s);
            return new Int(null, v, null);
        } catch (NumberFormatException ex) {
            return UNKNOWN;
        }
    }

    private V unary(IASTUnaryExpression u) {
        IASTExpression x = u.getOperand();
        switch (u.getOperator()) {
            case IASTUnaryExpression.op_bracketedPrimary: return eval(x);
            case IASTUnaryExpression.op_not: return new Not(eval(x));
            case IASTUnaryExpression.op_sizeof: case IASTUnaryExpression.op_alignOf: return UNKNOWN;
            case IASTUnaryExpression.op_amper: {
                if (x instanceof IASTIdExpression id) return new Addr(id.getName().toString());
                if (strip(x) instanceof IASTFieldReference f && f.getFieldName().toString().equals("page")) {
                    V owner = eval(f.getFieldOwner());
                    if (owner instanceof Page p && p.v().shape() == Shape.FOLIO)
                        return new Page(p.v().withShape(Shape.HEAD, p.v().origin(), p.v().originClause()), null);
                    return UNKNOWN;
                }
                if (strip(x) instanceof IASTArraySubscriptExpression a) return subscript(a, true);
                eval(x);
                return UNKNOWN;
            }
            case IASTUnaryExpression.op_star: {
                V inner = eval(x);
                return inner instanceof Page ? inner : UNKNOWN;
            }
            case IASTUnaryExpression.op_prefixIncr: case IASTUnaryExpression.op_postFixIncr:
            case IASTUnaryExpression.op_prefixDecr: case IASTUnaryExpression.op_postFixDecr: {
                String n = name(x);
                if (n != null && isPagePointer(x)) {
                    boolean inc = u.getOperator() == IASTUnaryExpression.op_prefixIncr || u.getOperator() == IASTUnaryExpression.op_postFixIncr;
                    arith(u, n, n + (inc ? "++" : "--"), loopBound(u), null);
                    PageValue pv = st.pages.getOrDefault(n, PageValue.UNKNOWN);
                    PageValue nv = pv.withShape(Shape.MAYBE_TAIL, origin(offset(u), n + (inc ? "++" : "--")), pv.originClause()).asSubpage(true);
                    st.pages.put(n, nv);
                    return new Page(nv, null);
                }
                if (n != null) { st.counts.remove(n); st.conds.remove(n); }
                return eval(x);
            }
            default: {
                V v = eval(x);
                return v instanceof Int i && i.size() != null ? new Int(i.size(), null, null) : UNKNOWN;
            }
        }
    }

    private V binary(IASTBinaryExpression b) {
        int op = b.getOperator();
        IASTExpression l = b.getOperand1(), r = b.getOperand2();
        switch (op) {
            case IASTBinaryExpression.op_assign: {
                V rv = eval(r instanceof IASTExpression ? r : null);
                String n = name(l);
                if (n != null) {
                    st.kill(n);
                    assign(n, rv, offset(r));
                    entryRead(n, r);
                } else {
                    lvalue(l);
                    if (rv instanceof Page p && p.v().unvalidated()) use(r, p, "stored");
                    if (rv instanceof Addr a) escape(a.var());
                    if (r instanceof IASTIdExpression id) escape(id.getName().toString());
                }
                return rv;
            }
            case IASTBinaryExpression.op_plusAssign: case IASTBinaryExpression.op_minusAssign: {
                String n = name(l);
                V rv = eval(r);
                if (n != null && isPagePointer(l)) {
                    arith(b, n, n + (op == IASTBinaryExpression.op_plusAssign ? " += " : " -= ") + r.getRawSignature(),
                            worst(sizeOf(rv), loopBound(b)), null);
                    PageValue pv = st.pages.getOrDefault(n, PageValue.UNKNOWN);
                    st.pages.put(n, pv.withShape(Shape.MAYBE_TAIL, origin(offset(b), "pointer arithmetic"), pv.originClause()).asSubpage(true));
                    return new Page(st.pages.get(n), null);
                }
                if (n != null) st.kill(n);
                return UNKNOWN;
            }
            case IASTBinaryExpression.op_plus: case IASTBinaryExpression.op_minus: {
                V lv = eval(l), rv = eval(r);
                boolean lp = lv instanceof Page || isPagePointer(l), rp = rv instanceof Page || isPagePointer(r);
                // page - base (two pointers) is an index, not page arithmetic
                if (lp && !rp && op == IASTBinaryExpression.op_minus && isPointer(r.getExpressionType())) return UNKNOWN;
                if (lp && !rp) {
                    String base = name(l) != null ? name(l) : l.getRawSignature();
                    TextEdit fix = op == IASTBinaryExpression.op_plus && name(l) != null
                            ? new TextEdit(offset(b), length(b), "nth_page(" + name(l) + ", " + r.getRawSignature() + ")") : null;
                    arith(b, base, b.getRawSignature(), sizeOf(rv), fix);
                    PageValue pv = lv instanceof Page p ? p.v() : PageValue.UNKNOWN;
                    return new Page(pv.withShape(Shape.MAYBE_TAIL, origin(offset(b), b.getRawSignature()), pv.originClause()).asSubpage(true), null);
                }
                if (rp && !lp && op == IASTBinaryExpression.op_plus) {
                    arith(b, name(r) != null ? name(r) : r.getRawSignature(), b.getRawSignature(), sizeOf(lv), null);
                    return new Page(PageValue.of(Shape.MAYBE_TAIL, origin(offset(b), b.getRawSignature()), null).asSubpage(true), null);
                }
                if (lp && rp) return UNKNOWN; // pointer difference
                return arithInt(lv, rv);
            }
            case IASTBinaryExpression.op_shiftLeft: case IASTBinaryExpression.op_shiftRight:
            case IASTBinaryExpression.op_multiply: case IASTBinaryExpression.op_divide: {
                V lv = eval(l), rv = eval(r);
                Bound whole = sizeOfText(b);
                if (whole != null) return new Int(whole, null, null);
                if (op == IASTBinaryExpression.op_shiftLeft && lv instanceof Int li && li.constant() != null && rv instanceof Int ri
                        && ri.constant() != null && ri.constant() < 62) return new Int(null, li.constant() << ri.constant(), null);
                return arithInt(lv, rv);
            }
            case IASTBinaryExpression.op_equals: case IASTBinaryExpression.op_notequals:
            case IASTBinaryExpression.op_lessThan: case IASTBinaryExpression.op_lessEqual:
            case IASTBinaryExpression.op_greaterThan: case IASTBinaryExpression.op_greaterEqual: {
                V lv = eval(l), rv = eval(r);
                Cmp cmp = new Cmp(op, lv, rv);
                Event.MapcountTest t = mapcountTest(b, lv, rv);
                if (t == null) t = mapcountTest(b, rv, lv);
                if (t != null) mapcountTests.put(cmp, t);
                return cmp;
            }
            case IASTBinaryExpression.op_logicalAnd: case IASTBinaryExpression.op_logicalOr:
                eval(l);
                eval(r);
                return UNKNOWN;
            default: {
                V lv = eval(l), rv = eval(r);
                if (op == IASTBinaryExpression.op_multiplyAssign || op == IASTBinaryExpression.op_divideAssign
                        || op == IASTBinaryExpression.op_shiftLeftAssign || op == IASTBinaryExpression.op_shiftRightAssign
                        || op == IASTBinaryExpression.op_binaryAndAssign || op == IASTBinaryExpression.op_binaryOrAssign
                        || op == IASTBinaryExpression.op_binaryXorAssign || op == IASTBinaryExpression.op_moduloAssign) {
                    String n = name(l);
                    if (n != null) st.kill(n);
                    return UNKNOWN;
                }
                return arithInt(lv, rv);
            }
        }
    }

    private static V arithInt(V a, V b) {
        Bound s = worst(a instanceof Int x ? x.size() : null, b instanceof Int y ? y.size() : null);
        return s == null ? UNKNOWN : new Int(s, null, null);
    }

    private static Bound worst(Bound a, Bound b) {
        if (a == null) return b;
        if (b == null) return a;
        return !a.bounded() ? a : b;
    }

    private static Bound sizeOf(V v) { return v instanceof Int i ? i.size() : null; }

    /** The model's range classification of an expression, by its text as written. */
    private Bound sizeOfText(IASTNode n) {
        IASTExpression w = n instanceof IASTExpression e ? view.written(e) : null;
        String t = (w != null ? w : n).getRawSignature();
        if (t.length() > 160) return null;
        return kb.size(t).map(r -> bound(r, n)).orElse(null);
    }

    private void assign(String name, V v, int off) {
        if (v instanceof Page p) {
            PageValue pv = p.v();
            boolean declared = facts.locals().contains(name) || facts.params().containsKey(name);
            // a declared variable is only a page if its type says so (unsigned long pfn = page_to_pfn(page) is not)
            if (declared && !facts.pageVars().contains(name) && !facts.folioVars().contains(name)) return;
            // a struct folio pointer is a head by its type, whatever was cast into it
            if (facts.folioVars().contains(name) && pv.shape() != Shape.FOLIO) pv = pv.withShape(Shape.FOLIO, pv.origin(), pv.originClause());
            st.pages.put(name, pv);
            if (pv.ref() == RefState.NONE) st.untried.put(name, Boolean.TRUE);
        } else if (v instanceof Count c) st.counts.put(name, c.array());
        else if (v instanceof Cmp || v instanceof Not || v instanceof Test || v instanceof Spec) st.conds.put(name, v);
        else if (v instanceof Pfn p && p.page() != null) st.pfns.put(name, p.page());
        else if (v instanceof HugeEntry h) st.hugeEntries.put(name, h.clause());
        else if (v instanceof Int i && i.size() != null) st.values.put(name, i.size());
    }

    /**
     * A page-table entry variable (declared pte_t, pmd_t or pud_t) assigned from a read through a
     * pointer (ptep_get(ptep), READ_ONCE(*ptep), *pmdp): remember the pointer, so that a later
     * re-read through it counts as re-checking this entry.
     */
    private void entryRead(String var, IASTExpression rhs) {
        if (!facts.entryVars().contains(var)) return;
        IASTExpression w = view.written(rhs);
        IASTExpression e = strip(w != null ? w : rhs);
        while (true) {
            if (e instanceof IASTFunctionCallExpression c && c.getArguments().length > 0 && c.getArguments()[0] instanceof IASTExpression a) e = strip(a);
            else if (e instanceof IASTUnaryExpression u && (u.getOperator() == IASTUnaryExpression.op_star || u.getOperator() == IASTUnaryExpression.op_amper)) e = strip(u.getOperand());
            else break;
        }
        String ptr = name(e);
        if (ptr != null && !ptr.equals(var)) st.entries.put(var, ptr);
    }

    private void lvalue(IASTExpression l) {
        IASTExpression s = strip(l);
        if (s instanceof IASTFieldReference f) field(f, true);
        else if (s instanceof IASTArraySubscriptExpression a) subscript(a, false);
        else if (s instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_star) eval(u.getOperand());
        else eval(l);
    }

    private V field(IASTFieldReference f, boolean write) {
        IASTExpression owner = f.getFieldOwner();
        V ov = eval(owner);
        String fieldName = f.getFieldName().toString();
        if (ov instanceof Page p && f.isPointerDereference() && p.v().shape() != Shape.FOLIO) {
            Optional<Clause> headOnly = kb.headOnlyField(fieldName);
            String base = p.var() != null ? p.var() : owner.getRawSignature();
            emit(new Event.FieldAccess(offsetOfName(f), length(f), base, p.v(), fieldName, headOnly.orElse(null), write));
            if (headOnly.isPresent()) headUse(p.var(), base + "->" + fieldName, offsetOfName(f));
            // learn a head requirement from a read of the value only: initialising writes
            // (INIT_LIST_HEAD(&page->lru), page->mapping = NULL) do not say the page must be a head
            boolean addressTaken = strip(f).getParent() instanceof IASTUnaryExpression pu && pu.getOperator() == IASTUnaryExpression.op_amper
                    || f.getParent() instanceof IASTUnaryExpression pu2 && pu2.getOperator() == IASTUnaryExpression.op_amper;
            if (headOnly.isPresent() && !write && !addressTaken && p.v().shape() == Shape.PARAM && sink != null)
                sink.requiresHead(p.v().param(), new FunctionSummary.Requirement(base, (write ? "writes " : "reads ") + base + "->" + fieldName,
                        text.line(offset(f)), headOnly.get(), false, pathCondition(Map.of())));
            if (p.v().unvalidated()) use(f, p, "dereferenced (->" + fieldName + ")");
        }
        return UNKNOWN;
    }

    /** pages[i] (an element of a page array) or page[i] (pointer arithmetic on a page pointer). */
    private V subscript(IASTArraySubscriptExpression a, boolean addressOf) {
        IASTExpression arr = a.getArrayExpression();
        String n = name(arr);
        V idx = a.getArgument() instanceof IASTExpression ie ? eval(ie) : UNKNOWN;
        if (n != null && st.arrays.containsKey(n)) {
            ArrayHold h = st.arrays.get(n);
            PageValue pv = PageValue.of(Shape.MAYBE_TAIL, h.origin(), h.clause())
                    .withRef(h.pinned() ? RefState.PINNED : RefState.GUP_HELD, h.origin(), h.api(), false, false)
                    .step(new WitnessStep(h.pinned() ? "pin" : "gup_get", h.api(), h.origin().line()));
            return new Page(pv, null);
        }
        if (n != null && facts.pageArrays().contains(n)) return new Page(PageValue.UNKNOWN, null);
        if (n != null && isPagePointer(arr)) {
            TextEdit fix = addressOf && a.getParent() instanceof IASTUnaryExpression u
                    ? new TextEdit(offset(u), length(u), "nth_page(" + n + ", " + a.getArgument().getRawSignature() + ")") : null;
            IASTNode at = addressOf ? a.getParent() : a;
            arith(at, n, at.getRawSignature(), sizeOf(idx), fix);
            PageValue pv = st.pages.getOrDefault(n, PageValue.UNKNOWN);
            return new Page(pv.withShape(Shape.MAYBE_TAIL, origin(offset(a), a.getRawSignature()), pv.originClause()).asSubpage(true), null);
        }
        eval(arr);
        return UNKNOWN;
    }

    private void arith(IASTNode at, String base, String form, Bound bound, TextEdit fix) {
        emit(new Event.PointerArith(offset(at), length(at), base, form, bound, fix));
    }

    /** How many times a page pointer advanced inside a loop may step: the bound of the loop's guard. */
    private boolean inLoopBound;

    private Bound loopBound(IASTNode at) {
        if (inLoopBound) return null; // the loop condition itself advances the pointer
        inLoopBound = true;
        try {
            return loopBoundOf(at);
        } finally {
            inLoopBound = false;
        }
    }

    private Bound loopBoundOf(IASTNode at) {
        for (IASTNode p = at.getParent(); p != null; p = p.getParent()) {
            IASTExpression cond = null;
            if (p instanceof IASTForStatement f) cond = f.getConditionExpression();
            else if (p instanceof IASTWhileStatement w) cond = w.getCondition();
            else if (p instanceof IASTDoStatement d) cond = d.getCondition();
            else if (p instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition) return null;
            if (p instanceof IASTForStatement || p instanceof IASTWhileStatement || p instanceof IASTDoStatement) {
                if (cond == null) return null;
                Bound[] worst = {null};
                cond.accept(new ASTVisitor(true) {
                    @Override public int visit(IASTExpression e) {
                        if (e instanceof IASTIdExpression id) {
                            String v = id.getName().toString();
                            worst[0] = worst(worst[0], st.bounds.getOrDefault(v, st.values.get(v)));
                        }
                        return PROCESS_CONTINUE;
                    }
                });
                if (worst[0] == null) {
                    silent++;
                    V cv = eval(cond);
                    silent--;
                    if (cv instanceof Cmp c) worst[0] = worst(sizeOf(c.l()), sizeOf(c.r()));
                }
                return worst[0];
            }
        }
        return null;
    }

    /** {@code a OP k} compares a mapcount or refcount with 1 or 2: an exclusivity test, when its outcome is acted on. */
    private Event.MapcountTest mapcountTest(IASTBinaryExpression b, V a, V k) {
        if (a instanceof Mapcount m && k instanceof Int i && i.constant() != null && (i.constant() == 1 || i.constant() == 2))
            return new Event.MapcountTest(offset(b), length(b), m.api(), m.var(), m.v(), m.clause(), b.getRawSignature(), null, 0);
        return null;
    }

    /** On this edge of {@code c}, does the tested count look exclusive (at most 1)? */
    private static boolean looksExclusive(Cmp c, boolean truth) {
        boolean left = c.l() instanceof Mapcount;
        Int k = (Int) (left ? c.r() : c.l());
        Long max = maxOnEdge(c.op(), k.constant(), truth, !left);
        return max != null && max == 1;
    }

    /** The operator of {@code c OP x} written as {@code x OP' c}. */
    private static int mirror(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_lessThan -> IASTBinaryExpression.op_greaterThan;
            case IASTBinaryExpression.op_greaterThan -> IASTBinaryExpression.op_lessThan;
            case IASTBinaryExpression.op_lessEqual -> IASTBinaryExpression.op_greaterEqual;
            case IASTBinaryExpression.op_greaterEqual -> IASTBinaryExpression.op_lessEqual;
            default -> op;
        };
    }

    /**
     * {@code x OP c} (or {@code c OP x} when {@code swapped}) is {@code truth}: the largest value x can
     * have on that edge, or null when it is not bounded above.
     */
    private static Long maxOnEdge(int op, long c, boolean truth, boolean swapped) {
        if (swapped) op = mirror(op);
        return switch (op) {
            case IASTBinaryExpression.op_lessThan -> truth ? c - 1 : null;
            case IASTBinaryExpression.op_lessEqual -> truth ? c : null;
            case IASTBinaryExpression.op_greaterThan -> truth ? null : c;
            case IASTBinaryExpression.op_greaterEqual -> truth ? null : c - 1;
            case IASTBinaryExpression.op_equals -> truth ? c : null;
            case IASTBinaryExpression.op_notequals -> truth ? null : c;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ calls

    private V call(IASTFunctionCallExpression c) {
        IASTExpression fn = c.getFunctionNameExpression();
        String name = fn instanceof IASTIdExpression id ? id.getName().toString() : null;
        List<IASTExpression> args = new ArrayList<>();
        for (IASTInitializerClause a : c.getArguments()) args.add(a instanceof IASTExpression x ? x : null);
        if (name == null) { eval(fn); }
        return apply(name, args, c);
    }

    private V invocation(WrittenView.Invocation inv, IASTExpression expanded) {
        if (!inv.functionLike()) {
            Optional<RangeClass> s = kb.size(inv.name());
            return s.isPresent() ? new Int(bound(s.get(), expanded), null, null) : UNKNOWN;
        }
        if (kb.assertion(inv.name()).isPresent()) { assertionAt(inv); return UNKNOWN; }
        return apply(inv.name(), inv.args(), expanded);
    }

    private V apply(String name, List<IASTExpression> args, IASTExpression at) {
        if (name != null && (name.equals("__builtin_expect") || name.equals("likely") || name.equals("unlikely"))) {
            V v = args.isEmpty() ? UNKNOWN : eval(args.get(0));
            for (int i = 1; i < args.size(); i++) eval(args.get(i));
            return v;
        }
        if (name != null && kb.assertion(name).isPresent()) {
            List<String> texts = new ArrayList<>();
            for (IASTExpression a : args) texts.add(a == null ? "" : a.getRawSignature());
            assertion(name, args, texts, at == null ? 0 : offsetOfCall(at));
            return UNKNOWN;
        }
        List<V> vals = new ArrayList<>();
        for (IASTExpression a : args) vals.add(a == null ? UNKNOWN : eval(a));
        Optional<ApiEffect> effect = name == null ? Optional.empty() : kb.call(name);
        FunctionSummary sum = name == null || effect.isPresent() ? null : summaries.apply(name);
        int off = at == null ? 0 : offsetOfCall(at);
        int line = text.line(off);
        if (effect.isPresent()) {
            ApiEffect ef = effect.get();
            List<PageValue> pvs = new ArrayList<>();
            for (V v : vals) pvs.add(v instanceof Page p ? p.v() : null);
            emit(new Event.Call(off, length(at), name, ef, pvs));
            boolean consumes = false;
            // re-checks first: a call that tests what the page is (isolate_lru_page) may also need a head
            List<ArgEffect> ordered = new ArrayList<>(ef.args());
            ordered.sort(java.util.Comparator.comparing(a -> a.kind() != ArgEffect.Kind.RECHECK));
            for (ArgEffect a : ordered) {
                if (a.index() >= args.size()) continue;
                IASTExpression ax = args.get(a.index());
                V av = vals.get(a.index());
                String var = name(ax);
                Boolean holds = a.when() == null ? Boolean.TRUE : holds(a.when(), args);
                if (holds == null) {
                    // the condition is not known here: a release may have happened, nothing else is assumed
                    consumes |= releaseUnknown(a, av, var);
                    continue;
                }
                if (!holds) continue;
                consumes |= argEffect(name, a, ax, av, var, off, line, requested(ef, vals));
            }
            boolean validation = switch (ef.result()) {
                case HEAD_OF_ARG, FOLIO_OF_ARG, IS_TAIL, IS_HEAD, IS_COMPOUND, MAPCOUNT, SAME_AS_ARG, PFN_OF_ARG -> true;
                default -> ef.args().stream().anyMatch(a -> a.kind() == ArgEffect.Kind.RECHECK);
            };
            if (!consumes && !validation)
                for (int i = 0; i < vals.size(); i++)
                    if (vals.get(i) instanceof Page p && p.v().unvalidated()) use(args.get(i), p, "passed to " + name + "()");
            return result(name, ef, args, vals, off, at);
        }
        if (sum != null) {
            for (Map.Entry<Integer, FunctionSummary.Requirement> r : sum.requiresHead().entrySet()) {
                int k = r.getKey();
                Map<Integer, Boolean> carried = carried(r.getValue().when(), args);
                // a requirement learned from the callee's body: the head-only contract clause backs it
                if (carried != null && k < vals.size() && vals.get(k) instanceof Page p) headRequired(name, k, args.get(k), p, null,
                        (r.getValue().contract() ? "asserts it is not a tail: " : "") + r.getValue().because() + " (line " + r.getValue().line() + ")",
                        carried);
            }
            if (sum.returnsMaybeTail()) {
                PageValue rv = sum.returned();
                return new Page(PageValue.of(Shape.MAYBE_TAIL, origin(off, name + "() (" + rv.origin() + ")"), rv.originClause())
                        .step(new WitnessStep("lookup", name, line)), null);
            }
        }
        if (name != null && at != null) {
            // a size the model classifies (pages_per_huge_page(h), folio_nr_pages(folio))
            Bound size = sizeOfText(at);
            if (size != null) return new Int(size, null, null);
        }
        // an unknown call: arrays handed to it are its business now
        for (int i = 0; i < vals.size(); i++) {
            if (vals.get(i) instanceof Addr a) escape(a.var());
            String n = name(args.get(i));
            if (n != null) escape(n);
        }
        return UNKNOWN;
    }

    /** @return true when the call consumes the reference (put, unpin): not a use of a speculative value */
    private boolean argEffect(String api, ArgEffect a, IASTExpression ax, V av, String var, int off, int line, Long requested) {
        switch (a.kind()) {
            case REQUIRES_HEAD -> { if (av instanceof Page p) headRequired(api, a.index(), ax, p, a.clause(), null, Map.of()); }
            case GET -> {
                if (var != null && av instanceof Page p)
                    st.pages.put(var, p.v().withRef(RefState.HELD, origin(off, api + "()"), api, false, false).step(new WitnessStep("get", api, line)));
            }
            case SPECULATIVE_GET -> {
                PageValue pv = av instanceof Page p ? p.v() : PageValue.UNKNOWN;
                if (var != null) st.untried.remove(var);
                // emitted by finish(), once the paths after it are known
                if (sink != null && silent == 0)
                    gets.add(new Event.SpeculativeGet(off, length(ax), api, ax == null ? "" : ax.getRawSignature(), var, pv, a.clause(), null, null));
            }
            case RECHECK -> { if (var != null) st.unverified.remove(var); }
            case PIN_ARRAY, GET_ARRAY -> {
                boolean pin = a.kind() == ArgEffect.Kind.PIN_ARRAY;
                String arr = av instanceof Addr ad ? ad.var() : var;
                if (arr == null && ax != null) arr = ax.getRawSignature().replaceAll("\\s+", "");
                if (arr != null) {
                    boolean local = av instanceof Addr || facts.localArrays().contains(arr);
                    st.arrays.put(arr, new ArrayHold(pin, ArrayHold.Status.HELD, origin(off, api + "()"), a.clause(), local, api,
                            requested));
                    if (av instanceof Addr ad)
                        st.pages.put(ad.var(), PageValue.of(Shape.MAYBE_TAIL, origin(off, api + "()"), a.clause())
                                .withRef(pin ? RefState.PINNED : RefState.GUP_HELD, origin(off, api + "()"), api, false, false)
                                .step(new WitnessStep(pin ? "pin" : "gup_get", api, line)));
                }
            }
            case PUT, UNPIN -> {
                boolean unpin = a.kind() == ArgEffect.Kind.UNPIN;
                var = pageOfPfn(var, av);
                String arr = arrayOfElement(ax);
                if (arr == null && var != null && st.arrays.containsKey(var)) arr = var;
                // folio_put(folio) where folio = page_folio(page) and &page was GUP's output
                if (arr == null && var != null && st.pages.containsKey(var) && st.pages.get(var).headOf() != null
                        && st.arrays.containsKey(st.pages.get(var).headOf())) arr = st.pages.get(var).headOf();
                if (arr != null && st.arrays.containsKey(arr)) {
                    ArrayHold h = st.arrays.get(arr);
                    emit(new Event.Release(off, length(ax), api, arr, h, unpin, a.clause()));
                    if (h.status() == ArrayHold.Status.HELD) st.arrays.put(arr, h.with(ArrayHold.Status.RELEASED));
                }
                if (var != null && st.pages.containsKey(var)) {
                    PageValue pv = st.pages.get(var);
                    st.pages.put(var, pv.withRef(RefState.RELEASED, origin(off, api + "()"), api, false, false));
                }
                return true;
            }
            case UNPIN_ARRAY, PUT_ARRAY -> {
                String arr = av instanceof Addr ad ? ad.var() : var;
                if (arr != null && st.arrays.containsKey(arr)) {
                    ArrayHold h = st.arrays.get(arr);
                    emit(new Event.Release(off, length(ax), api, arr, h, a.kind() == ArgEffect.Kind.UNPIN_ARRAY, a.clause()));
                    if (h.status() == ArrayHold.Status.HELD) st.arrays.put(arr, h.with(ArrayHold.Status.RELEASED));
                }
                return true;
            }
            case PUBLISH, SET_COUNT -> {
                if (var != null) {
                    PageValue pv = av instanceof Page p ? p.v() : PageValue.UNKNOWN;
                    if (a.kind() == ArgEffect.Kind.SET_COUNT && !st.frozen.containsKey(var) && pv.originClause() != null)
                        emit(new Event.Publish(off, length(ax), api, var, pv, a.clause(), "unfrozen", 0));
                    if (!st.prepared.containsKey(var)) st.published.putIfAbsent(var, off);
                }
            }
            case PREPARE -> {
                if (var != null) {
                    Integer pub = st.published.get(var);
                    if (pub != null) {
                        PageValue pv = av instanceof Page p ? p.v() : PageValue.UNKNOWN;
                        emit(new Event.Publish(pub, 1, api, var, pv, a.clause(), "before-prepare", line));
                    }
                    st.prepared.put(var, line);
                }
            }
            case FREEZE -> { if (var != null) st.frozen.put(var, line); }
            case NR_PAGES -> { }
            case DECIDES_EXCLUSIVE -> {
                for (Event.MapcountTest t : new java.util.TreeMap<>(st.exclusive).values()) emit(t.at(api + "()", line));
            }
        }
        return false;
    }

    /**
     * Whether a conditional effect's condition holds at a call, decided from the argument as written: a
     * constant truth value, or an or-combination of constant flags, decides; null when the argument is
     * computed (a variable, a call, a mask operation).
     */
    private Boolean holds(ApiEffect.When w, List<IASTExpression> args) {
        if (w.index() >= args.size() || args.get(w.index()) == null) return null;
        IASTExpression a = args.get(w.index());
        IASTExpression written = view.written(a);
        String t = (written != null ? written : a).getRawSignature().replaceAll("\\s+", " ").trim();
        for (List<int[]> in = parenthesised(t); in != null; in = parenthesised(t)) t = t.substring(1, t.length() - 1).trim();
        if (w.flag() == null) {
            String v = normalised(t);
            if (v.equals("0")) return false;
            if (v.equals("1") || v.matches("[1-9][0-9]*[uUlL]*")) return true;
            return null;
        }
        if (t.contains("||")) return null;
        boolean constant = true;
        for (String part : t.split("\\|")) {
            String op = part.trim();
            for (List<int[]> in = parenthesised(op); in != null; in = parenthesised(op)) op = op.substring(1, op.length() - 1).trim();
            if (op.equals(w.flag())) return true;
            boolean literal = op.matches("(0[xX])?[0-9a-fA-F]+[uUlL]*");
            boolean name = op.matches("[A-Za-z_]\\w*") && !facts.locals().contains(op) && !facts.params().containsKey(op);
            constant &= literal || name;
        }
        return constant ? false : null;
    }

    /** This function's parameters whose truth the path fixed, by index, with {@code more} added. */
    private Map<Integer, Boolean> pathCondition(Map<Integer, Boolean> more) {
        Map<Integer, Boolean> c = new java.util.TreeMap<>(more);
        st.paramTruths.forEach((var, truth) -> { Integer i = facts.params().get(var); if (i != null) c.putIfAbsent(i, truth); });
        return Map.copyOf(c);
    }

    /**
     * A callee's requirement that holds only for some argument truths, at this call: null when an argument
     * rules it out or is not known; else the conditions it puts on this function's own parameters (the
     * argument is one of them, passed on), empty when it holds outright.
     */
    private Map<Integer, Boolean> carried(Map<Integer, Boolean> when, List<IASTExpression> args) {
        Map<Integer, Boolean> out = new java.util.TreeMap<>();
        for (Map.Entry<Integer, Boolean> w : when.entrySet()) {
            Boolean t = holds(new ApiEffect.When(w.getKey(), null), args);
            String n = w.getKey() < args.size() ? name(args.get(w.getKey())) : null;
            if (t == null && n != null && st.paramTruths.containsKey(n)) t = st.paramTruths.get(n);
            if (t != null) {
                if (!t.equals(w.getValue())) return null;
            } else if (n != null && facts.params().containsKey(n)) {
                out.put(facts.params().get(n), w.getValue());
            } else {
                return null;
            }
        }
        return out;
    }

    /** A release that may or may not happen (condition unknown): the reference is no longer known to be held. */
    private boolean releaseUnknown(ArgEffect a, V av, String var) {
        boolean release = switch (a.kind()) {
            case PUT, UNPIN, PUT_ARRAY, UNPIN_ARRAY -> true;
            default -> false;
        };
        if (!release) return false;
        var = pageOfPfn(var, av);
        String arr = av instanceof Addr ad ? ad.var() : var;
        if (arr != null) escape(arr);
        return true;
    }

    /** A pfn handed on names the page whose pfn it is (memory_failure(pfn, MF_COUNT_INCREASED)): that page's variable. */
    private String pageOfPfn(String var, V av) {
        if (av instanceof Pfn p && p.page() != null) return p.page();
        return var != null && st.pfns.containsKey(var) ? st.pfns.get(var) : var;
    }

    /** The constant number of pages a GUP call asked for, when the model names its count argument. */
    private static Long requested(ApiEffect ef, List<V> vals) {
        for (ArgEffect a : ef.args())
            if (a.kind() == ArgEffect.Kind.NR_PAGES && a.index() < vals.size() && vals.get(a.index()) instanceof Int i) return i.constant();
        return null;
    }

    private void headRequired(String api, int k, IASTExpression ax, Page p, Clause clause, String because, Map<Integer, Boolean> when) {
        // a caller learns the requirement only when it is a head-only contract (MM004 clauses, or one
        // learned from a body); requirements that back other rules (a refcount that must be set on the
        // head) do not make the caller head-only
        boolean contract = clause == null || "MM004".equals(clause.ruleId());
        if (contract && p.v().shape() == Shape.PARAM && sink != null && p.var() != null)
            sink.requiresHead(p.v().param(), new FunctionSummary.Requirement(p.var(), "passes it to " + api + "()", text.line(offset(ax)), clause, false,
                    pathCondition(when)));
        if (clause == null) clause = kb.clause(ApiKnowledge.HEAD_ONLY_CONTRACT).orElse(null);
        headUse(p.var() != null ? p.var() : name(ax), api + "()", offset(ax));
        emit(new Event.HeadRequired(offset(ax), length(ax), api, k, ax == null ? "" : ax.getRawSignature(), p.v(), clause, because));
    }

    private V result(String name, ApiEffect ef, List<IASTExpression> args, List<V> vals, int off, IASTExpression at) {
        int k = ef.resultArg();
        V arg = k >= 0 && k < vals.size() ? vals.get(k) : UNKNOWN;
        String argVar = k >= 0 && k < args.size() ? name(args.get(k)) : null;
        PageValue.Origin o = origin(off, name + "()");
        int line = text.line(off);
        switch (ef.result()) {
            case POSSIBLY_TAIL, SUBPAGE -> {
                String ent = entryName(args, vals);
                Clause huge = ent != null ? st.hugeEntries.get(ent) : null;
                for (V x : vals) if (huge == null && x instanceof HugeEntry h) huge = h.clause();
                // pte_page() of a hugetlb entry: the head of a folio mapped only as a whole, whose counts are the folio's
                if (huge != null) return new Page(PageValue.of(Shape.FOLIO, o, huge).step(new WitnessStep("lookup", name, line)), null);
                PageValue pv = PageValue.of(Shape.MAYBE_TAIL, o, ef.resultClause()).step(new WitnessStep("lookup", name, line))
                        .asSubpage(ef.result() == ApiEffect.Result.SUBPAGE);
                if (ent != null) pv = pv.withEntry(ent, st.entries.get(ent));
                return new Page(pv, null);
            }
            case HEAD -> { return new Page(PageValue.of(Shape.HEAD, o, ef.resultClause()), null); }
            case FOLIO -> { return new Page(PageValue.of(Shape.FOLIO, o, ef.resultClause()), null); }
            case HEAD_OF_ARG, FOLIO_OF_ARG -> {
                PageValue src = arg instanceof Page p ? p.v() : PageValue.UNKNOWN;
                Shape s = ef.result() == ApiEffect.Result.FOLIO_OF_ARG ? Shape.FOLIO : Shape.HEAD;
                PageValue pv = new PageValue(s, o, ef.resultClause(), -1, argVar, src.fromEntry(), src.entryPtr(), RefState.NONE, null, null,
                        false, false, src.witness(), false).step(new WitnessStep("compound_head", name, line));
                return new Page(pv, null);
            }
            case SAME_AS_ARG -> { return arg; }
            case SPECULATIVE_FOLIO_OF_ARG -> {
                PageValue src = arg instanceof Page p ? p.v() : PageValue.UNKNOWN;
                PageValue pv = new PageValue(Shape.FOLIO, o, ef.resultClause(), -1, null, src.fromEntry(), src.entryPtr(),
                        RefState.SPECULATIVE, o, name, false, src.fromEntry() != null || src.entryPtr() != null, src.witness(), false)
                        .step(new WitnessStep("speculative_get", name, line));
                return new Page(pv, null);
            }
            case COUNT_OF_ARRAY -> {
                String arr = arg instanceof Addr ad ? ad.var() : argVar;
                if (arr == null && k >= 0 && k < args.size() && args.get(k) != null) arr = args.get(k).getRawSignature().replaceAll("\\s+", "");
                return arr == null ? UNKNOWN : new Count(arr);
            }
            case MAPCOUNT -> {
                PageValue pv = arg instanceof Page p ? p.v() : PageValue.UNKNOWN;
                return new Mapcount(argVar, pv, name, ef.resultClause());
            }
            case IS_TAIL, IS_HEAD, IS_COMPOUND -> { return new Test(argVar, ef.result()); }
            case PFN_OF_ARG -> { return new Pfn(argVar); }
            case HUGE_ENTRY -> { return new HugeEntry(ef.resultClause()); }
            default -> {
                if (ef.args().stream().anyMatch(a -> a.kind() == ArgEffect.Kind.SPECULATIVE_GET)) {
                    ArgEffect sg = ef.args().stream().filter(a -> a.kind() == ArgEffect.Kind.SPECULATIVE_GET).findFirst().get();
                    String v = sg.index() < args.size() ? name(args.get(sg.index())) : null;
                    return new Spec(v, name, off);
                }
                Bound size = at == null ? null : sizeOfText(at);
                return size != null ? new Int(size, null, null) : UNKNOWN;
            }
        }
    }

    /** The page-table entry variable a lookup was given (pte_page(pte)): one declared pte_t, pmd_t or pud_t. */
    private String entryName(List<IASTExpression> args, List<V> vals) {
        for (IASTExpression a : args) {
            String n = name(a);
            if (n != null && facts.entryVars().contains(n)) return n;
        }
        return null;
    }

    private String arrayOfElement(IASTExpression ax) {
        if (strip(ax) instanceof IASTArraySubscriptExpression s) return name(s.getArrayExpression());
        return null;
    }

    private void escape(String var) {
        ArrayHold h = st.arrays.get(var);
        if (h != null && h.status() == ArrayHold.Status.HELD) st.arrays.put(var, h.with(ArrayHold.Status.ESCAPED));
    }

    /** A page used as a head: remembered for the speculative get whose success left it un-rechecked. */
    private void headUse(String var, String what, int off) {
        Integer get = var == null ? null : st.unverified.get(var);
        if (get != null && sink != null && silent == 0) headUses.putIfAbsent(get, what + " at line " + text.line(off));
    }

    private void use(IASTNode at, Page p, String how) {
        emit(new Event.SpeculativeUse(offset(at), length(at), p.var() != null ? p.var() : at.getRawSignature(), p.v(), how,
                specClause(p.v().specApi())));
    }

    /** The clause that obliges validation after the speculative reference {@code api} took. */
    private Clause specClause(String api) {
        if (api == null) return null;
        Optional<ApiEffect> ef = kb.call(api);
        if (ef.isEmpty()) return null;
        for (ArgEffect a : ef.get().args()) if (a.kind() == ArgEffect.Kind.SPECULATIVE_GET) return a.clause();
        return ef.get().resultClause();
    }

    private void emit(Event e) {
        if (sink != null && silent == 0) sink.event(e);
    }

    // ------------------------------------------------------------------ helpers

    private boolean isPagePointer(IASTExpression e) {
        String n = name(e);
        if (n != null) return facts.pageVars().contains(n) || (st.pages.containsKey(n) && st.pages.get(n).shape() != Shape.FOLIO
                && !facts.folioVars().contains(n));
        // an expression: ask its C type (struct page *), where the parser resolved it
        try {
            var t = e.getExpressionType();
            while (t instanceof org.eclipse.cdt.core.dom.ast.ITypedef td) t = td.getType();
            if (t instanceof org.eclipse.cdt.core.dom.ast.IPointerType pt) {
                var target = pt.getType();
                while (target instanceof org.eclipse.cdt.core.dom.ast.ITypedef td) target = td.getType();
                while (target instanceof org.eclipse.cdt.core.dom.ast.IQualifierType q) target = q.getType();
                return target instanceof org.eclipse.cdt.core.dom.ast.ICompositeType ct && ct.getName().equals("page");
            }
        } catch (RuntimeException ex) {
            // unresolvable: not known to be a page pointer
        }
        return false;
    }

    static IASTExpression strip(IASTExpression e) {
        while (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) e = u.getOperand();
        while (e instanceof IASTCastExpression c) e = strip(c.getOperand());
        return e;
    }

    /** The variable an expression names (through parentheses and casts), or null. */
    static String name(IASTExpression e) {
        IASTExpression s = e == null ? null : strip(e);
        return s instanceof IASTIdExpression id ? id.getName().toString() : null;
    }

    private PageValue.Origin origin(int off, String what) { return new PageValue.Origin(text.line(off), text.column(off), what); }

    static int offset(IASTNode n) {
        if (n == null) return 0;
        IASTFileLocation l = n.getFileLocation();
        return l == null ? 0 : l.getNodeOffset();
    }

    static int length(IASTNode n) {
        if (n == null) return 0;
        IASTFileLocation l = n.getFileLocation();
        return l == null ? 0 : l.getNodeLength();
    }

    /** The position of a field reference: its owner where the owner is written in the file (also inside a macro's arguments). */
    private static int offsetOfName(IASTFieldReference f) {
        if (strip(f.getFieldOwner()) instanceof IASTIdExpression id) {
            var ol = id.getName().getImageLocation();
            if (ol != null && ol.getLocationKind() != org.eclipse.cdt.core.dom.ast.IASTImageLocation.MACRO_DEFINITION) return ol.getNodeOffset();
        }
        return offset(f);
    }

    private static int offsetOfCall(IASTExpression at) {
        if (at instanceof IASTFunctionCallExpression c && c.getFunctionNameExpression() instanceof IASTIdExpression id) {
            var il = id.getName().getImageLocation();
            if (il != null && il.getLocationKind() != org.eclipse.cdt.core.dom.ast.IASTImageLocation.MACRO_DEFINITION) return il.getNodeOffset();
        }
        return offset(at);
    }

    /** Per-function facts gathered from declarations: which names are pages, folios, arrays, locals. */
    /** @param flagParams parameters declared bool: mode switches (compound) whose truth a learned requirement may depend on */
    public record FunctionFacts(Map<String, Integer> params, Set<String> pageVars, Set<String> folioVars, Set<String> pageArrays,
                                Set<String> localArrays, Set<String> locals, Set<String> entryVars, Set<String> flagParams) {}

    private static org.eclipse.cdt.core.dom.ast.IType unwrap(org.eclipse.cdt.core.dom.ast.IType t) {
        for (int i = 0; i < 16 && t != null; i++) {
            if (t instanceof org.eclipse.cdt.core.dom.ast.ITypedef td) t = td.getType();
            else if (t instanceof org.eclipse.cdt.core.dom.ast.IQualifierType q) t = q.getType();
            else break;
        }
        return t;
    }

    private static boolean isInteger(org.eclipse.cdt.core.dom.ast.IType t) {
        return unwrap(t) instanceof org.eclipse.cdt.core.dom.ast.IBasicType b
                && (b.getKind() == org.eclipse.cdt.core.dom.ast.IBasicType.Kind.eInt || b.getKind() == org.eclipse.cdt.core.dom.ast.IBasicType.Kind.eChar
                    || b.getKind() == org.eclipse.cdt.core.dom.ast.IBasicType.Kind.eBoolean || b.getKind() == org.eclipse.cdt.core.dom.ast.IBasicType.Kind.eInt128);
    }

    private static boolean isPointer(org.eclipse.cdt.core.dom.ast.IType t) {
        return unwrap(t) instanceof org.eclipse.cdt.core.dom.ast.IPointerType;
    }
}
