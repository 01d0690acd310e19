package dev.mmlint.engine.flow;

import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The head/tail shape model (MM002, MM004): what a page-like variable may be (the shape lattice of
 * {@link PageValue} in {@link PageFacts}), what tests and comparisons teach about it, and the uses that
 * need a head. Raises {@link Event.FieldAccess} at each {@code page->field} and
 * {@link Event.HeadRequired} at each page handed where a head is required; learns which parameters
 * the function itself requires to be heads.
 */
final class ShapeModel {
    private final Events events;
    /**
     * The clause backing head-only contracts learned from bodies: a requirement is carried to callers
     * only when it is such a contract (backed by a clause of the same rule, or learned from a body).
     */
    private final AppliedClause contract;
    /** keyhole comparisons of this function (identity), by the page variable whose field they read */
    private final Map<V.Cmp, String> keyholes = new IdentityHashMap<>();

    /**
     * The parameters, by index, that the model lets callers pass as a tail (accepts_tail of the analysed
     * function): a parameter value, with that clause and origin, as the head-only accesses through it are
     * judged. Only what is judged sees it; the flow state keeps the parameter as it is.
     */
    private Map<Integer, PageValue> tailParameters = Map.of();

    ShapeModel(Events events, AppliedClause contract) {
        this.events = events;
        this.contract = contract;
    }

    void tailParameters(Map<Integer, PageValue> t) { tailParameters = Map.copyOf(t); }

    /** page parameters some caller in the unit passes as a possible tail it looked up ({@link CallerContext#tails()}) */
    private Map<Integer, PageValue> callerTails = Map.of();

    void callerTails(Map<Integer, PageValue> t) { callerTails = Map.copyOf(t); }

    /**
     * A page value passed to a function of the unit: the possible tail its callee's head-only uses are
     * judged as (a tail this function looked up, or one its own callers pass as this parameter); null
     * for anything else.
     */
    PageValue passedTail(PageValue pv) {
        if (pv == null) return null;
        if (pv.shape().mayBeTail() && !pv.subpage() && pv.originClause() != null) return pv;
        if (pv.shape() == Shape.PARAM && pv.originClause() == null) return callerTails.get(pv.param());
        return null;
    }

    /** {@code pv} as a check judges a head-only use of it: a parameter the function accepts as a tail says so. */
    private PageValue judged(PageValue pv) { return judged(pv, false); }

    /**
     * As {@link #judged(PageValue)}; with {@code byCallers}, a parameter a caller passes as a possible tail
     * is that tail: only for the uses that make the function require a head under no condition on its
     * parameters, the ones its call sites would otherwise report (a use under a flag the caller may
     * not set is the call site's to judge, with the flag it passes).
     */
    private PageValue judged(PageValue pv, boolean byCallers) {
        if (pv.shape() != Shape.PARAM || pv.originClause() != null) return pv;
        PageValue passed = byCallers ? callerTails.get(pv.param()) : null;
        if (passed != null) return passed;
        PageValue t = tailParameters.get(pv.param());
        return t == null ? pv : pv.withShape(Shape.PARAM, t.origin(), t.originClause());
    }

    /** What a page that is not a tail is, given what it was. */
    static Shape notTail(PageValue pv) {
        return pv.shape() == Shape.SMALL || pv.shape() == Shape.FOLIO ? pv.shape() : Shape.HEAD;
    }

    /** The test {@code kind} (PageTail, PageHead, PageCompound, a call that returns 0 only on a head) of {@code var} is {@code truth} on this edge. */
    void tested(PageFacts core, String var, ApiEffect.Result kind, boolean truth) {
        PageValue pv = core.pageOrUnknown(var);
        PageValue.Origin o = new PageValue.Origin(0, 0, "tested");
        switch (kind) {
            case IS_TAIL -> core.putPage(var, pv.withShape(truth ? Shape.TAIL : notTail(pv), truth ? o : pv.origin(), pv.originClause()));
            case IS_HEAD -> { if (truth) core.putPage(var, pv.withShape(Shape.HEAD, pv.origin(), pv.originClause())); }
            case IS_THP -> {
                if (truth) core.putPage(var, pv.withShape(Shape.HEAD, pv.origin(), pv.originClause()));
                // no THP head: the page it is the head of lies in no THP (it is order-0, or in a compound page of another kind)
                else if (pv.headOf() != null) core.notInThp(pv.headOf());
            }
            // in a hugetlb folio: in no THP
            case IS_HUGETLB -> { if (truth) core.notInThp(var); }
            // on the LRU and in no THP: an order-0 page (hugetlb, slab and other compound pages are never on the LRU)
            case IS_LRU -> { if (truth && core.isNotInThp(var) && pv.shape().mayBeTail()) core.putPage(var, pv.withShape(notTail(pv), pv.origin(), pv.originClause())); }
            case IS_COMPOUND -> { if (!truth) core.putPage(var, pv.withShape(Shape.SMALL, pv.origin(), pv.originClause())); }
            case HEAD_IF_ZERO -> { if (!truth) core.putPage(var, pv.withShape(notTail(pv), pv.origin(), pv.originClause())); }
            case SPLIT_IF_ZERO -> { if (!truth) split(core, var); }
            default -> { }
        }
    }

    /**
     * A split of the compound page of {@code var} succeeded: it, the page it is the head of and every other
     * head of that page ({@code compound_head(page)} kept in several variables), and the heads taken of
     * {@code var} itself, are order-0 pages now.
     */
    private static void split(PageFacts core, String var) {
        PageValue pv = core.pageOrUnknown(var);
        String of = pv.headOf();
        for (Map.Entry<String, PageValue> e : new java.util.ArrayList<>(core.pages().entrySet())) {
            PageValue v = e.getValue();
            boolean related = e.getKey().equals(var) || e.getKey().equals(of) || var.equals(v.headOf()) || (of != null && of.equals(v.headOf()));
            if (related && v.shape() != Shape.FOLIO) core.putPage(e.getKey(), v.withShape(Shape.SMALL, v.origin(), v.originClause()));
        }
        if (!core.hasPage(var)) core.putPage(var, pv.withShape(Shape.SMALL, pv.origin(), pv.originClause()));
    }

    /** {@code a == b} holds on this edge: where a is compound_head(page) and b is page, page is a head. */
    void equal(PageFacts core, V a, V b) {
        if (!(a instanceof V.Page ha) || !(b instanceof V.Page hb)) return;
        String of = ha.v().headOf();
        if (of == null || ha.var() != null || !of.equals(hb.var())) return;
        PageValue pv = core.pageOrUnknown(of);
        core.putPage(of, pv.withShape(Shape.HEAD, pv.origin(), pv.originClause()));
    }

    /**
     * A speculative reference on {@code var} itself succeeded (get_page_unless_zero(page) returned
     * true): its refcount was not zero, and a tail's always is, so the page is not a tail there.
     */
    void referenced(PageFacts core, String var) {
        if (var == null || !core.hasPage(var)) return;
        PageValue pv = core.page(var);
        if (pv.shape().mayBeTail() || pv.shape() == Shape.PARAM) core.putPage(var, pv.withShape(notTail(pv), pv.origin(), pv.originClause()));
    }

    /** The struct page of {@code var} was just initialised: an order-0 page until it is prepared as part of a compound page. */
    void initialised(PageFacts core, String var) {
        if (var == null) return;
        PageValue pv = core.pageOrUnknown(var);
        core.putPage(var, pv.withShape(Shape.SMALL, pv.origin(), pv.originClause()));
    }

    /** Comparison {@code cmp} is a keyhole test of a head-only field of {@code var} (see {@link TailIndifference}). */
    void keyhole(V.Cmp cmp, String var) { keyholes.put(cmp, var); }

    /** {@code cmp} found its operands equal on this edge: where it is a keyhole test, the page is not a tail. */
    void keyholePassed(PageFacts core, V.Cmp cmp) {
        String var = keyholes.get(cmp);
        if (var != null) referenced(core, var);
    }

    /** {@code base->field} at [off, off+len) on page value {@code pv}; {@code headOnly}: the field's head-only clause, or null. */
    void fieldAccess(int off, int len, String base, PageValue pv, String field, AppliedClause headOnly, boolean write) {
        fieldAccess(off, len, base, pv, field, headOnly, write, false, Map.of());
    }

    /**
     * As {@link #fieldAccess(int, int, String, PageValue, String, AppliedClause, boolean)}; {@code learns}: the
     * access makes the function require a head (a read of the value), which a tail its callers pass is
     * judged at, when the path got here under no condition on the function's parameters ({@code when}).
     */
    void fieldAccess(int off, int len, String base, PageValue pv, String field, AppliedClause headOnly, boolean write,
                     boolean learns, Map<Integer, Boolean> when) {
        events.emit(new Event.FieldAccess(off, len, base, headOnly != null ? judged(pv, learns && when.isEmpty()) : pv, field, headOnly, write));
    }

    /**
     * Page {@code p} (variable {@code var}, or null) passed as argument {@code k} ({@code argText}, at
     * [off, off+len), line {@code line}) of {@code api}, which requires a head by {@code clause} (null: a
     * requirement learned from the callee's body, {@code because}); {@code when}: the conditions on this
     * function's parameters under which the path got here.
     */
    void headRequired(String api, int k, int off, int len, int line, String argText, PageValue p, String var, AppliedClause clause,
                      String because, Map<Integer, Boolean> when) {
        // a caller learns the requirement only when it is a head-only contract (clauses of the contract's
        // rule, or one learned from a body); requirements that back other rules (a refcount that must be
        // set on the head) do not make the caller head-only
        boolean isContract = clause == null || (contract != null && Objects.equals(contract.ruleId(), clause.ruleId()));
        if (isContract && p.shape() == Shape.PARAM && events.learning() && var != null)
            events.requiresHead(p.param(), new FunctionSummary.Requirement(var, "passes it to " + api + "()", line, clause, false, when));
        events.emit(new Event.HeadRequired(off, len, api, k, argText, judged(p, isContract && when.isEmpty()), clause != null ? clause : contract, because));
    }

    /** A read of head-only field {@code what} of parameter value {@code pv} at {@code line}: the function requires a head there. */
    void headOnlyRead(PageValue pv, String base, String what, int line, AppliedClause clause, Map<Integer, Boolean> when) {
        if (pv.shape() == Shape.PARAM && events.learning())
            events.requiresHead(pv.param(), new FunctionSummary.Requirement(base, what, line, clause, false, when));
    }

    /** An assertion that parameter value {@code pv} is not a tail ({@code written}, at {@code line}): a head-only contract. */
    void asserted(PageValue pv, String var, String written, int line, Map<Integer, Boolean> when) {
        if (pv != null && pv.shape() == Shape.PARAM && events.learning())
            events.requiresHead(pv.param(), new FunctionSummary.Requirement(var, written, line, null, true, when));
    }
}
