package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.length;
import static dev.mmlint.engine.flow.Ast.offset;

import dev.mmlint.cfg.CfgEdge;
import dev.mmlint.cfg.CfgNode;
import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.frontend.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;

/**
 * The transfer functions of the page-state dataflow: what each CFG node does to the abstract state,
 * and what each branch edge teaches. A thin dispatcher: statements and expressions go to the
 * {@link Expressions expression walker} and {@link Calls calls} of the shared core, which hand each
 * concern to its model ({@link ShapeModel}, {@link ContiguityModel}, {@link SpeculativeModel},
 * {@link GupModel}, {@link CompoundModel}, {@link ExclusivityModel}); branch conditions refine the
 * state through the same models. Kernel API behaviour comes from {@link ApiKnowledge} and from the
 * summaries of functions of the same translation unit; nothing here names a kernel function except
 * compiler builtins.
 */
public final class Transfer {
    /** Receives what only the final pass reports: events for checks, summary facts. */
    public interface Sink {
        void event(Event e);
        void requiresHead(int param, FunctionSummary.Requirement r);
        void returns(PageValue v);
        /**
         * A call passes argument {@code param} of this range class and pointing into this extent (null: unknown) to
         * {@code callee}; {@code tail}: the page argument when it may be a tail the caller looked up (null: not);
         * {@code order}: the order above MAX_ORDER the argument may be (null: none known).
         */
        default void passes(String callee, int param, Bound count, Bound extent, PageValue tail, Bound order) { }
        /** One call of {@code callee} passes these argument texts (by parameter) written with a size the model knows by name. */
        default void passesTexts(String callee, Map<Integer, String> texts) { }
        /** As {@link #passes(String, int, Bound, Bound, PageValue, Bound)}; {@code live}: the page argument when others may hold its refcount (null: not). */
        default void passes(String callee, int param, Bound count, Bound extent, PageValue tail, Bound order, PageValue live) {
            passes(callee, param, count, extent, tail, order);
        }
        /** A call to {@code callee}, a function of the unit, is made where some path waited for speculative pfn walkers ({@code waited}) or none did. */
        default void callsAfterWalkers(String callee, boolean waited) { }
        /** A call to {@code callee}, a function of the unit, passes page-table entries this path walked into as tables as parameters {@code params}. */
        default void callsWithTables(String callee, java.util.Set<Integer> params) { }
        /** A call to {@code callee}, a function of the unit, passes pages this function owns ({@link OwnedPages}) as parameters {@code params}. */
        default void callsWithOwned(String callee, java.util.Set<Integer> params) { }
        /** The function stores, through pointer parameter {@code param}, a page or folio pointing into {@code extent} (null: unknown). */
        default void storesThrough(int param, Bound extent) { }
        /** The function returns a non-NULL pointer into a range of this extent (null: unknown) on one path. */
        default void returnsExtent(Bound extent) { }
    }

    /** Per-function facts gathered from declarations: which names are pages, folios, arrays, locals. */
    /** @param flagParams parameters declared bool: mode switches (compound) whose truth a learned requirement may depend on */
    public record FunctionFacts(Map<String, Integer> params, Set<String> pageVars, Set<String> folioVars, Set<String> pageArrays,
                                Set<String> localArrays, Set<String> locals, Set<String> entryVars, Set<String> flagParams) {}

    private final TransferContext c;
    private final Map<Integer, V> conditionValues = new HashMap<>();
    private final Map<Integer, List<ApiKnowledge.Validation>> conditionChecks = new HashMap<>();
    /** condition node -> the flag test it is ({@code gup_flags & FOLL_PIN}: variable, flag, "!" when negated) */
    private final Map<Integer, String[]> flagTests = new HashMap<>();
    /** goto statement offset -> the leaks of local GUP arrays its jump carries to an exit that never names them (latest sweep) */
    private final Map<Integer, List<dev.mmlint.engine.check.Event.Leak>> gotoLeaks = new java.util.TreeMap<>();
    /** label offset and array -> whether the exit path from the label names the array (a walk of the body: asked once per function) */
    private final Map<String, Boolean> exitNames = new HashMap<>();
    /** "label offset:field path" -> whether the exit path from the label frees that field's array and names it no otherwise */
    private final Map<String, Boolean> exitFrees = new HashMap<>();

    public Transfer(ApiKnowledge kb, WrittenView view, SourceText text, Function<String, FunctionSummary> summaries,
                    FunctionFacts facts) {
        c = new TransferContext(kb, view, text, summaries, facts, this);
    }

    /**
     * This function is {@code name}: where the model knows it as a GUP call (its output array filled with
     * references or pins, the count taken returned), its own returns are held to that contract.
     */
    public void contract(String name) {
        c.own = null;
        var ef = name == null ? java.util.Optional.<ApiEffect>empty() : c.kb.call(name);
        if (ef.isEmpty() || ef.get().result() != ApiEffect.Result.COUNT_OF_ARRAY) return;
        for (ApiEffect.ArgEffect a : ef.get().args()) {
            if (a.kind() != ApiEffect.ArgEffect.Kind.GET_ARRAY && a.kind() != ApiEffect.ArgEffect.Kind.PIN_ARRAY || a.when() != null) continue;
            for (Map.Entry<String, Integer> p : c.facts.params().entrySet())
                if (p.getValue() == a.index() && c.facts.pageArrays().contains(p.getKey()))
                    c.own = new TransferContext.OwnContract(p.getKey(), name, a.kind() == ApiEffect.ArgEffect.Kind.PIN_ARRAY, a.clause());
            return;
        }
    }

    /** The file's pointer variables some function of the unit fills with a range of this extent ({@link FileRanges}). */
    private Map<String, Bound> fileExtents = Map.of();

    /** The extents of the file's own pointer variables ({@link FileRanges}): where this function reads them undeclared, they start there. */
    public void fileExtents(Map<String, Bound> x) { fileExtents = x == null ? Map.of() : x; }

    /** What this function's callers pass it (top-down), applied to the parameters at entry. */
    public void callerContext(CallerContext ctx) {
        callers = ctx == null ? CallerContext.NONE : ctx;
        c.shape.callerTails(callers.tails());
        ownedByCallers();
        argumentTexts();
    }

    /** The function analysed, once told ({@link #function}). */
    private IASTFunctionDefinition fn;

    /**
     * The page parameters every caller passes a page it owns as ({@link CallerContext#owned()}), never
     * re-assigned in the body: the function reads their head-only fields as their owner does.
     */
    private void ownedByCallers() {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (fn != null && !callers.owned().isEmpty()) {
            c.facts.params().forEach((p, i) -> { if (callers.owned().contains(i) && c.facts.pageVars().contains(p)) out.add(p); });
            if (!out.isEmpty()) out.removeAll(Ast.assigned(fn.getBody()));
        }
        c.ownedByCallers = java.util.Set.copyOf(out);
    }

    /**
     * The callers' argument texts ({@link CallerContext#texts()}) by parameter name, for the parameters the body
     * never assigns (an expression written with such a parameter is written with the caller's argument).
     */
    private void argumentTexts() {
        List<Map<String, String>> out = new ArrayList<>();
        if (fn != null && !callers.texts().isEmpty()) {
            Set<String> assigned = Ast.assigned(fn.getBody());
            Map<Integer, String> names = new HashMap<>();
            c.facts.params().forEach((p, i) -> { if (!assigned.contains(p)) names.put(i, p); });
            for (Map<Integer, String> site : callers.texts()) {
                Map<String, String> m = new java.util.TreeMap<>();
                site.forEach((i, t) -> { String p = names.get(i); if (p != null && !p.equals(t)) m.put(p, t); });
                if (!m.isEmpty()) out.add(m);
            }
        }
        c.argumentTexts = List.copyOf(out);
    }

    /**
     * The functions of the unit whose every caller is in it ({@code static}, never address-taken): a
     * possibly-tail page passed to one of them is judged where the callee uses it as a head, inside the
     * callee under its callers' context, not at the call.
     */
    public void closedFunctions(java.util.Set<String> closed) { c.closed = closed == null ? java.util.Set.of() : closed; }

    /** The name of the function analysed, for what its call sites pass on. */
    String functionName() { return c.function; }

    /** The function analysed: the page variables it frees as one buddy block are such a block throughout ({@link FreedBlocks}). */
    public void function(org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition fn) {
        c.ranges.freedBlocks(FreedBlocks.of(fn, c.facts, c.kb, c.text));
        c.compound.frozenTails(FrozenTails.of(fn, c.facts, c.kb, c.text));
        c.owned = java.util.Set.copyOf(OwnedPages.of(fn, c.kb));
        this.fn = fn;
        ownedByCallers();
        argumentTexts();
        c.kernelTables = KernelTables.of(fn, c.kb);
        gupParams(fn);
    }

    private static final java.util.regex.Pattern FOLL_TEST = java.util.regex.Pattern.compile("\\b([A-Za-z_]\\w*)\\s*&\\s*FOLL_[A-Z0-9_]+\\b");

    /** The parameters of {@code fn} that are GUP flags (tested against FOLL_* bits) and its {@code struct page **} ones. */
    private void gupParams(IASTFunctionDefinition fn) {
        c.gupFlagParams = new java.util.TreeSet<>();
        c.pageOutParams = java.util.Set.of();
        if (fn == null || fn.getBody() == null || !(fn.getDeclarator() instanceof org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator d)) return;
        java.util.Set<String> names = new java.util.HashSet<>(), out = new java.util.HashSet<>();
        for (org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration pd : d.getParameters()) {
            String pn = pd.getDeclarator() == null ? "" : pd.getDeclarator().getName().toString();
            if (pn.isEmpty()) continue;
            names.add(pn);
            if (pd.getRawSignature().replaceAll("\\s+", " ").matches(".*\\bstruct page ?\\* ?\\*\\s*" + java.util.regex.Pattern.quote(pn))) out.add(pn);
        }
        java.util.regex.Matcher m = FOLL_TEST.matcher(fn.getBody().getRawSignature());
        while (m.find()) if (names.contains(m.group(1))) c.gupFlagParams.add(m.group(1));
        c.pageOutParams = out;
    }

    private CallerContext callers = CallerContext.NONE;

    /**
     * The analysed function is {@code name}, defined by {@code fn}: its page parameters that the model says
     * callers may pass as a tail ({@code accepts_tail}) may be tails inside its body. The flow state keeps
     * them as parameters; only the head-only accesses judged through them see where a tail comes in.
     */
    public void defines(String name, IASTFunctionDefinition fn) {
        c.function = name;
        Map<Integer, PageValue> tails = new HashMap<>();
        IASTParameterDeclaration[] ps = fn != null && fn.getDeclarator() instanceof IASTStandardFunctionDeclarator fd
                ? fd.getParameters() : new IASTParameterDeclaration[0];
        if (name != null)
            c.facts.params().forEach((p, i) -> {
                if (!c.facts.pageVars().contains(p)) return;
                c.kb.acceptsTail(name, i).ifPresent(cl -> {
                    PageValue.Origin o = c.origin(i < ps.length ? offset(ps[i]) : offset(fn),
                            "parameter '" + p + "', which " + name + "() accepts as a tail");
                    tails.put(i, PageValue.param(i, p, o).withShape(Shape.PARAM, o, cl));
                });
            });
        c.shape.tailParameters(tails);
        Map<String, dev.mmlint.engine.knowledge.AppliedClause> notTail = new HashMap<>();
        if (name != null)
            c.facts.params().forEach((p, i) -> c.kb.notTailRange(name, i).ifPresent(cl -> notTail.put(p, cl)));
        if (!notTail.isEmpty() && fn != null) {
            java.util.Set<String> assigned = Ast.assigned(fn.getBody());
            notTail.keySet().removeAll(assigned);
            // a local that is one of them converted between address and pfn, and only stepped after
            // (start_pfn = PFN_DOWN(start)), names the same range
            Ast.convertedFrom(fn.getBody()).forEach((v, from) -> {
                if (!assigned.contains(v) && notTail.containsKey(from)) notTail.putIfAbsent(v, notTail.get(from));
            });
        }
        c.notTail = Map.copyOf(notTail);
        // the untyped object pointers the function is handed (void *), never assigned in its body
        java.util.Set<String> objects = new java.util.HashSet<>();
        for (IASTParameterDeclaration pd : ps) {
            String pn = pd.getDeclarator().getName().toString();
            if (pd.getDeclarator().getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IVariable v && Ast.isVoidPointer(v.getType()))
                objects.add(pn);
        }
        if (!objects.isEmpty() && fn != null) objects.removeAll(Ast.assigned(fn.getBody()));
        c.objectParams = java.util.Set.copyOf(objects);
    }

    /** Set during the reporting pass only. */
    public void setSink(Sink s) { c.sink = s; }

    // ------------------------------------------------------------------ nodes

    public FlowState entryState() {
        gotoLeaks.clear();
        FlowState s = new FlowState();
        c.facts.params().forEach((name, idx) -> {
            if (c.facts.pageVars().contains(name) && c.notTail.containsKey(name))
                // the function's contract: its callers hand it no tail, so nothing it does with the page asks them for a head
                // (the caller's page, as a parameter is: no lookup of the function's own, so no clause to report from)
                s.core.putPage(name, PageValue.of(Shape.SMALL, new PageValue.Origin(0, 0, "parameter " + name + ", no tail by " + c.function + "()'s contract"),
                        null));
            else if (c.facts.pageVars().contains(name) && callers.live().containsKey(idx))
                // a caller hands over a page whose refcount others may hold (the pages of a range handed out refcounted)
                s.core.putPage(name, callers.live().get(idx));
            else if (c.facts.pageVars().contains(name)) s.core.putPage(name, PageValue.param(idx, name, new PageValue.Origin(0, 0, "parameter " + name)));
            else if (c.facts.folioVars().contains(name))
                s.core.putPage(name, PageValue.of(Shape.FOLIO, new PageValue.Origin(0, 0, "parameter " + name), null));
            // every caller walked into the entry it passes here as a table: the page it points to is a page-table page
            if (callers.tables().contains(idx)) s.core.walked(name, "its callers");
            Bound n = callers.counts().get(idx), x = callers.extents().get(idx), o = callers.orders().get(idx);
            if (n != null && !c.facts.pageVars().contains(name) && !c.facts.folioVars().contains(name)) s.ranges.assigned(name, n);
            if (o != null && !c.facts.pageVars().contains(name) && !c.facts.folioVars().contains(name)) s.ranges.order(name, o);
            Bound block = c.ranges.freedBlock(name);
            if (block != null) x = block;
            if (x != null && c.facts.pageVars().contains(name)) s.ranges.extent(name, x);
        });
        if (callers.walkersWaited()) s.compound.waitWalkers();
        fileExtents.forEach((name, x) -> {
            if (!c.facts.locals().contains(name) && !c.facts.params().containsKey(name)) s.ranges.extent(name, x);
        });
        return s;
    }

    public FlowState node(CfgNode n, FlowState in) {
        c.st = in.copy();
        if (n.isLoopHead() && c.st.spec.anyFailed()) nextIteration(n);
        IASTNode ast = n.ast();
        if (ast == null) return c.st;
        WrittenView.Invocation inside = c.view.containing(offset(ast));
        if (inside != null) {
            int end = offset(ast) + length(ast), invEnd = inside.offset() + inside.length();
            boolean wraps = offset(ast) <= inside.offset() && end >= invEnd && (end > invEnd || offset(ast) < inside.offset());
            if (c.kb.assertion(inside.name()).isPresent() || (!wraps && c.view.rootedAt(ast) != inside)) {
                // a node made by a known macro's body (VM_BUG_ON_PAGE's if, BUG): judge the macro as written
                if (n.kind() == CfgNode.Kind.CONDITION || n.kind() == CfgNode.Kind.SWITCH) conditionValues.put(n.id(), V.UNKNOWN);
                c.calls.assertionAt(inside);
                return c.st;
            }
        }
        switch (n.kind()) {
            case CONDITION, SWITCH -> {
                conditionValues.put(n.id(), ast instanceof IASTExpression e ? c.ex.eval(e) : V.UNKNOWN);
                conditionChecks.put(n.id(), ast instanceof IASTExpression e ? validations(e) : List.of());
                String[] ft = ast instanceof IASTExpression e ? flagTest(e) : null;
                if (ft != null) flagTests.put(n.id(), ft);
                else flagTests.remove(n.id());
            }
            case RETURN -> ret((IASTReturnStatement) ast);
            case STATEMENT -> statement(ast);
            default -> { }
        }
        return c.st;
    }

    /**
     * A failed speculative get that reaches the head of a loop around it goes on to the next page of the
     * walk: that failure is a skip (refcount.speculative-on-head), settled here.
     */
    private void nextIteration(CfgNode head) {
        IASTNode loop = head.origin();
        if (!(loop instanceof IASTForStatement || loop instanceof IASTWhileStatement || loop instanceof IASTDoStatement)) return;
        c.spec.nextIteration(c.st.spec, offset(loop), offset(loop) + length(loop));
    }

    private void statement(IASTNode ast) {
        if (ast instanceof IASTExpressionStatement es) c.ex.eval(es.getExpression());
        else if (ast instanceof IASTDeclarationStatement ds) declaration(ds.getDeclaration());
        else if (ast instanceof IASTSimpleDeclaration sd) declaration(sd);
        else if (ast instanceof IASTDeclarator d) declarator(d);
        else if (ast instanceof IASTExpression e) c.ex.eval(e);
    }

    private void declaration(IASTDeclaration d) {
        if (d instanceof IASTSimpleDeclaration sd) for (IASTDeclarator dc : sd.getDeclarators()) declarator(dc);
    }

    private void declarator(IASTDeclarator dc) {
        String name = dc.getName().toString();
        c.st.kill(name);
        if (dc.getInitializer() instanceof IASTEqualsInitializer ei && ei.getInitializerClause() instanceof IASTExpression e) {
            V v = c.ex.eval(e);
            if (v instanceof V.Page) c.spec.splitUse(c.st.spec, Ast.name(e), offset(e), length(e), "assigned to '" + name + "'");
            c.ex.assign(name, v);
            c.gup.elementRead(c.st.gup, name, e);
            if (v instanceof V.Page || c.facts.pageVars().contains(name) || c.facts.folioVars().contains(name)) c.ranges.assignedPage(c.st.ranges, name, Extents.of(c, e));
            else c.ex.assignedAddress(name, e);
            c.ex.entryRead(name, e);
        } else if (c.facts.localArrays().contains(name) || c.facts.pageArrays().contains(name)) {
            // a fresh array: nothing held yet
            c.st.gup.forget(name);
        }
    }

    private void ret(IASTReturnStatement r) {
        IASTExpression e = r.getReturnValue();
        V v = e == null ? V.UNKNOWN : c.ex.eval(e);
        if (c.learning() && e != null) c.spec.exit(c.st, Ast.normalised(e.getRawSignature()), c.line(offset(r)), v);
        c.exclusive.returned(v, c.line(offset(r)));
        // a GUP call's own error return after it stored references in its output array: the caller, told
        // none were taken, releases none
        if (c.own != null && c.learning() && v instanceof V.Int ri && ri.constant() != null && ri.constant() < 0 && c.st.gup.ownFilledAt() != null)
            c.emit(new dev.mmlint.engine.check.Event.ErrorAfterFill(offset(r), length(r), c.own.array(), e.getRawSignature().trim(), ri.constant(),
                    c.own.api(), c.own.pinned(), c.st.gup.ownFilledAt(), c.own.clause()));
        c.spec.exitWithTableOwed(c.st, c.line(offset(r)));
        if (v instanceof V.Spec || v instanceof V.Not n && n.inner() instanceof V.Spec)
            c.spec.returnedOutcome(c.st, (V.Spec) (v instanceof V.Not n ? n.inner() : v), offset(e), length(e));
        if (v instanceof V.Page p) {
            c.ex.useIfSpeculative(e, p, "returned");
            c.spec.splitUse(c.st.spec, Ast.name(e), offset(e), length(e), "returned");
            if (c.sink != null) c.sink.returns(p.v());
        }
        // a pointer handed back: the range it lies in, for the callers (NULL says nothing)
        if (c.sink != null && e != null && !Ast.isNull(e) && Ast.isPointer(e.getExpressionType())) c.sink.returnsExtent(Extents.of(c, e));
        String escaped = returnedName(e);
        c.gup.returnsValue(c.st.gup, returnedVariable(e), offset(r), length(r));
        if (Ast.strip(e) instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression call && Ast.name(call.getFunctionNameExpression()) != null
                && Ast.name(call.getFunctionNameExpression()).equals("ERR_PTR"))
            c.gup.returnsErrPtr(c.st.gup, returnedVariable(e), offset(r), length(r));
        leaks(r, escaped, c.st);
    }

    /**
     * The variable a return statement hands to the caller: {@code return page;}, or the one variable among the
     * arms of a conditional ({@code return ret == 1 ? page : NULL;}, the other arm a constant); null otherwise.
     */
    private static String returnedName(IASTExpression e) {
        IASTExpression x = e == null ? null : Ast.strip(e);
        if (x instanceof IASTIdExpression id) return id.getName().toString();
        if (x instanceof org.eclipse.cdt.core.dom.ast.IASTConditionalExpression q) {
            String a = returnedName(q.getPositiveResultExpression()), b = returnedName(q.getNegativeResultExpression());
            boolean aConst = !(Ast.strip(q.getPositiveResultExpression()) instanceof IASTIdExpression) || "NULL".equals(a);
            boolean bConst = !(Ast.strip(q.getNegativeResultExpression()) instanceof IASTIdExpression) || "NULL".equals(b);
            if (a != null && !"NULL".equals(a) && bConst) return a;
            if (b != null && !"NULL".equals(b) && aConst) return b;
        }
        return null;
    }

    /** The variable a return statement returns, as written or wrapped in one single-argument call (ERR_PTR(ret)), or null. */
    private static String returnedVariable(IASTExpression e) {
        IASTExpression x = e == null ? null : Ast.strip(e);
        if (x instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression call && call.getArguments().length == 1
                && call.getArguments()[0] instanceof IASTExpression a) x = Ast.strip(a);
        return x instanceof IASTIdExpression id ? id.getName().toString() : null;
    }

    /** Raises the speculative gets and the returns of released GUP counts of the reporting pass, now that their paths are known. */
    public void finish() {
        c.spec.finish();
        c.gup.finish();
        for (List<dev.mmlint.engine.check.Event.Leak> ls : gotoLeaks.values()) for (dev.mmlint.engine.check.Event.Leak l : ls) c.emit(l);
        gotoLeaks.clear();
    }

    /**
     * The jump {@code g} to label {@code ls} on this edge: the local GUP arrays holding references that the
     * exit path from the label never names leak through this jump (remembered for the reporting pass, which
     * sees the fixpoint's last sweep) and are nobody's business further on.
     */
    private FlowState jumped(org.eclipse.cdt.core.dom.ast.IASTGotoStatement g, org.eclipse.cdt.core.dom.ast.IASTLabelStatement ls, FlowState out) {
        List<dev.mmlint.engine.check.Event.Leak> found = new java.util.ArrayList<>();
        FlowState s = out;
        for (Map.Entry<String, ArrayHold> a : GotoLeaks.held(out.gup).entrySet()) {
            if (exitNames.computeIfAbsent(offset(ls) + ":" + a.getKey(), k -> GotoLeaks.exitNames(ls, a.getKey(), c.kb))) continue;
            // the entries of its own the page was stored in (sg_set_page(&sg, page)): an exit releasing through them
            boolean viaEntry = false;
            for (String v : out.gup.entryVariables(a.getKey()))
                if (exitNames.computeIfAbsent(offset(ls) + ":" + v, k -> GotoLeaks.exitNames(ls, v, c.kb))) viaEntry = true;
            if (viaEntry) continue;
            found.add(new dev.mmlint.engine.check.Event.Leak(offset(g), length(g), a.getKey(), a.getValue()));
            if (s == out) s = out.copy();
            s.gup.put(a.getKey(), a.getValue().with(ArrayHold.Status.ESCAPED));
        }
        // an array held in a field that the exit path frees without releasing its pages
        for (Map.Entry<String, ArrayHold> a : GotoLeaks.heldInFields(out.gup).entrySet()) {
            if (!exitFrees.computeIfAbsent(offset(ls) + ":" + a.getKey(), k -> GotoLeaks.exitFreesOnly(ls, a.getKey(), c.kb))) continue;
            found.add(new dev.mmlint.engine.check.Event.Leak(offset(g), length(g), a.getKey(), a.getValue()));
            if (s == out) s = out.copy();
            s.gup.put(a.getKey(), a.getValue().with(ArrayHold.Status.ESCAPED));
        }
        if (found.isEmpty()) gotoLeaks.remove(offset(g));
        else gotoLeaks.put(offset(g), found);
        return s;
    }

    /** References of local GUP arrays still held where the function returns. */
    public void leaks(IASTNode at, String escaped, FlowState s) { c.gup.returns(s.gup, offset(at), length(at), escaped); }

    public FlowState edge(CfgEdge e, FlowState out) {
        org.eclipse.cdt.core.dom.ast.IASTGotoStatement g = GotoLeaks.jump(e);
        FlowState branched = branch(e, out);
        if (branched.gup.anyPartial() && leavesLoop(e)) {
            // a walk that handed a batch on entry by entry has handed all of it where its loop ends
            if (branched == out) branched = out.copy();
            c.gup.walkEnded(branched.gup);
        }
        // the jump's leaks, judged with what its branch learned (if (ret < 0) goto out: nothing was taken)
        return g == null ? branched : jumped(g, (org.eclipse.cdt.core.dom.ast.IASTLabelStatement) e.to().origin(), branched);
    }

    /** The edge leaves a loop: the false edge of its condition, or a break. */
    private static boolean leavesLoop(CfgEdge e) {
        IASTNode from = e.from().ast();
        if (e.from().origin() instanceof org.eclipse.cdt.core.dom.ast.IASTBreakStatement || from instanceof org.eclipse.cdt.core.dom.ast.IASTBreakStatement)
            return true;
        if (e.kind() != CfgEdge.EdgeKind.FALSE || from == null) return false;
        IASTNode p = from.getParent();
        return p instanceof IASTForStatement f && f.getConditionExpression() == from || p instanceof IASTWhileStatement w && w.getCondition() == from
                || p instanceof IASTDoStatement d && d.getCondition() == from;
    }

    private FlowState branch(CfgEdge e, FlowState out) {
        if (e.kind() != CfgEdge.EdgeKind.TRUE && e.kind() != CfgEdge.EdgeKind.FALSE) return out;
        boolean truth = e.kind() == CfgEdge.EdgeKind.TRUE;
        V v = conditionValues.get(e.from().id());
        List<ApiKnowledge.Validation> checks = conditionChecks.getOrDefault(e.from().id(), List.of());
        String[] ft = flagTests.get(e.from().id());
        List<String> counted = truth ? List.of() : countedPuts(e.from());
        if ((v == null || v instanceof V.Unknown) && checks.isEmpty() && ft == null && counted.isEmpty()) return out;
        c.st = out.copy();
        c.silent++;
        // while (refs--) put_page(head): where the count runs out, the references it counted are dropped
        for (String p : counted) c.spec.released(c.st.spec, p);
        if (ft != null) c.st.gup.flagTested(ft[0], ft[1], ft[2].isEmpty() == truth);
        if (v != null) refine(v, truth);
        IASTNode cond = e.from().ast();
        PageValue.Site at = cond == null ? null : new PageValue.Site(offset(cond), length(cond), c.line(offset(cond)), c.text.column(offset(cond)));
        for (ApiKnowledge.Validation check : checks) {
            c.spec.compared(c.st, check);
            if (check.changedWhenTrue() != truth) c.spec.validated(c.st, check, at);
        }
        c.silent--;
        return c.st;
    }

    /**
     * The pages a counted release loop drops: {@code cond} is the condition of a while loop that counts a
     * variable down ({@code while (refs--)}, {@code while (refs-- > 0)}) and the body puts those pages (a
     * release the model knows): where the count runs out (the false edge) the loop has dropped the
     * references it counted. Empty for anything else.
     */
    private List<String> countedPuts(CfgNode cond) {
        IASTNode ast = cond.ast();
        if (!(ast instanceof IASTExpression ce) || !(ast.getParent() instanceof IASTWhileStatement w) || w.getCondition() != ast) return List.of();
        IASTExpression x = Ast.strip(ce);
        if (x instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_greaterThan) x = Ast.strip(b.getOperand1());
        if (!(x instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression u)
                || (u.getOperator() != org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_postFixDecr
                    && u.getOperator() != org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_prefixDecr)
                || !(Ast.strip(u.getOperand()) instanceof IASTIdExpression)) return List.of();
        List<String> puts = new ArrayList<>();
        w.getBody().accept(new org.eclipse.cdt.core.dom.ast.ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (e instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression fn) {
                    var ef = c.kb.call(fn.getName().toString());
                    var args = call.getArguments();
                    if (ef.isPresent())
                        for (ApiEffect.ArgEffect a : ef.get().args())
                            if (a.kind() == ApiEffect.ArgEffect.Kind.PUT && a.index() < args.length && args[a.index()] instanceof IASTExpression ax
                                    && Ast.name(ax) != null) puts.add(Ast.name(ax));
                }
                return PROCESS_CONTINUE;
            }
        });
        return puts;
    }

    private static final java.util.regex.Pattern FLAG_TEST = java.util.regex.Pattern.compile("(!?)\\s*\\(?\\s*([A-Za-z_]\\w*)\\s*&\\s*([A-Z][A-Z0-9_]*)\\s*\\)?");

    /**
     * A branch on a flag of a local or parameter ({@code gup_flags & FOLL_PIN}, {@code !(flags & FOLL_PIN)}):
     * the variable, the flag and "!" when the condition is true where the flag is clear; null otherwise.
     */
    private String[] flagTest(IASTExpression cond) {
        java.util.regex.Matcher m = FLAG_TEST.matcher(conditionText(cond));
        if (!m.matches()) return null;
        String var = m.group(2);
        if (!c.facts.locals().contains(var) && !c.facts.params().containsKey(var)) return null;
        return new String[] {var, m.group(3), m.group(1)};
    }

    /** The model's validator patterns matching a branch condition, as written, likely()/unlikely() stripped. */
    private List<ApiKnowledge.Validation> validations(IASTExpression cond) {
        String t = conditionText(cond);
        List<ApiKnowledge.Validation> out = new ArrayList<>(c.kb.validations(t));
        // the CFG keeps no '!' on a condition node: "!pte_same(a, b)" arrives as "pte_same(a, b)"
        for (ApiKnowledge.Validation v : c.kb.validations("!" + t))
            out.add(new ApiKnowledge.Validation(v.kind(), v.head(), v.bindings(), !v.changedWhenTrue(), v.clause()));
        return out;
    }

    /** A branch condition as written, likely()/unlikely() and enclosing parentheses stripped. */
    private String conditionText(IASTExpression cond) {
        IASTExpression w = c.view.written(cond);
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
        return t;
    }

    // ------------------------------------------------------------------ refinement

    /** Value {@code v} is {@code truth} on this edge: each model learns what that says about its concern. */
    void refine(V v, boolean truth) {
        FlowState st = c.st;
        if (v instanceof V.Not n) { refine(n.inner(), !truth); return; }
        if (v instanceof V.Spec s) {
            c.spec.outcome(st, s, truth);
            if (truth) c.shape.referenced(st.core, s.var());
            return;
        }
        if (v instanceof V.Page p && p.var() != null && !truth) {
            c.spec.nullOnEdge(st.core, p.var());
            c.gup.nullPage(st, p.var());
            return;
        }
        if (v instanceof V.Test t && t.var() != null) {
            c.shape.tested(st.core, t.var(), t.kind(), truth);
            if (t.kind() == ApiEffect.Result.SPLIT_IF_ZERO && !truth) c.spec.split(st, t.var(), t.fn(), t.line());
            // PageHuge(page) true: the page lies in a hugetlb folio, which may be gigantic
            if (t.kind() == ApiEffect.Result.IS_HUGETLB && truth) {
                c.ranges.hugetlbPage(st, t.var(), Extents.hugetlbTested(c, t.fn(), t.line()));
            }
            // false: no hugetlb folio, so (the page a folio was taken from too) no compound page larger than a buddy block
            if (t.kind() == ApiEffect.Result.IS_HUGETLB) c.ranges.hugetlbTest(st, t.var(), truth, t.line());
            // and a speculative reference on it must first know its state in the hugetlb allocator
            if (t.kind() == ApiEffect.Result.IS_HUGETLB) {
                if (truth) st.spec.hugetlb(t.var(), t.line());
                else st.spec.noHugetlbPage(t.var());
            }
            // a page on an LRU list, or in no compound page, is no hugetlb page on this edge
            if ((t.kind() == ApiEffect.Result.IS_LRU && truth) || (t.kind() == ApiEffect.Result.IS_COMPOUND && !truth))
                st.spec.noHugetlbPage(t.var());
            return;
        }
        if (v instanceof V.Count k) {
            if (truth) c.gup.countIs(st.gup, k.array(), 1);
            else c.gup.countZero(st.gup, k.array());
            return;
        }
        if (v instanceof V.Verdict x) { c.exclusive.verdict(st.exclusive, x, truth); return; }
        // if (i): on the false edge the index of the own output array's stores is zero, nothing stored
        if (v instanceof V.Int i && i.var() != null && !truth) st.gup.ownIndexZero(i.var());
        // if (compound): on this edge the parameter has this truth (conditions of learned requirements)
        if (v instanceof V.Int i && i.var() != null && c.facts.flagParams().contains(i.var())) { st.core.putParamTruth(i.var(), truth); return; }
        if (v instanceof V.Cmp cmp) refineCmp(cmp, truth);
    }

    private void refineCmp(V.Cmp cmp, boolean truth) {
        FlowState st = c.st;
        c.exclusive.refine(st.exclusive, cmp, truth);
        int op = cmp.op();
        boolean eq = op == IASTBinaryExpression.op_equals, ne = op == IASTBinaryExpression.op_notequals;
        // a test compared with 0 (isolate_movable_page(page, mode) == 0, PageTail(page) != 0): the test's own truth
        if (eq || ne) {
            V.Test t = cmp.l() instanceof V.Test x && zero(cmp.r()) ? x : cmp.r() instanceof V.Test x && zero(cmp.l()) ? x : null;
            if (t != null && t.var() != null) {
                c.shape.tested(st.core, t.var(), t.kind(), ne == truth);
                if (t.kind() == ApiEffect.Result.SPLIT_IF_ZERO && ne != truth) c.spec.split(st, t.var(), t.fn(), t.line());
                return;
            }
        }
        // page == NULL: a page GUP filled through &page is NULL only where it took nothing
        if ((eq || ne) && eq == truth) {
            V.Page p = cmp.l() instanceof V.Page x && zero(cmp.r()) ? x : cmp.r() instanceof V.Page x && zero(cmp.l()) ? x : null;
            if (p != null && p.var() != null) c.gup.nullPage(st, p.var());
        }
        if ((eq || ne) && eq == truth) {
            // page == head, where the split kept the reference on head: the page is that head
            if (cmp.l() instanceof V.Page a && cmp.r() instanceof V.Page b && a.var() != null && b.var() != null) {
                if (st.spec.splitOf(a.var()) != null && st.spec.splitOf(a.var()).head().equals(b.var())) c.spec.rejoined(st.spec, a.var());
                if (st.spec.splitOf(b.var()) != null && st.spec.splitOf(b.var()).head().equals(a.var())) c.spec.rejoined(st.spec, b.var());
            }
            c.shape.equal(st.core, cmp.l(), cmp.r());
            c.shape.equal(st.core, cmp.r(), cmp.l());
            c.shape.keyholePassed(st.core, cmp);
        }
        // GUP counts against constants
        if (cmp.l() instanceof V.Count k && cmp.r() instanceof V.Int i && i.constant() != null) c.gup.countCompared(st.gup, k.array(), op, i.constant(), truth, false, cmp.unsignedCount());
        else if (cmp.r() instanceof V.Count k && cmp.l() instanceof V.Int i && i.constant() != null) c.gup.countCompared(st.gup, k.array(), op, i.constant(), truth, true, cmp.unsignedCount());
        // a variable that may still hold a GUP errno and is no longer known as a count (a join with a path that
        // assigned it otherwise), against a constant: where that bounds it at zero or above, no errno is left
        if (cmp.l() instanceof V.Int x && x.var() != null && cmp.r() instanceof V.Int k && k.constant() != null) c.gup.valueCompared(st.gup, x.var(), op, k.constant(), truth, false);
        else if (cmp.r() instanceof V.Int x && x.var() != null && cmp.l() instanceof V.Int k && k.constant() != null) c.gup.valueCompared(st.gup, x.var(), op, k.constant(), truth, true);
        // GUP counts against the number asked for
        if (cmp.l() instanceof V.Count k && cmp.r() instanceof V.Int i && i.var() != null && k.array().equals(st.gup.shorts().askedFor(i.var())))
            c.gup.countComparedWithAsked(st.gup, k.array(), op, truth, false, cmp.unsignedCount());
        else if (cmp.r() instanceof V.Count k && cmp.l() instanceof V.Int i && i.var() != null && k.array().equals(st.gup.shorts().askedFor(i.var())))
            c.gup.countComparedWithAsked(st.gup, k.array(), op, truth, true, cmp.unsignedCount());
        c.ranges.refine(st.ranges, cmp, truth);
        // i == 0, i <= 0, !(i > 0), !(i != 0): the index of the own output array's stores is zero here
        if (cmp.l() instanceof V.Int x && x.var() != null && cmp.r() instanceof V.Int z && Long.valueOf(0).equals(z.constant())) {
            boolean zero = switch (op) {
                case IASTBinaryExpression.op_equals, IASTBinaryExpression.op_lessEqual -> truth;
                case IASTBinaryExpression.op_notequals, IASTBinaryExpression.op_greaterThan -> !truth;
                default -> false;
            };
            if (zero) st.gup.ownIndexZero(x.var());
        }
    }

    private static boolean zero(V v) { return v instanceof V.Int i && i.constant() != null && i.constant() == 0L; }
}
