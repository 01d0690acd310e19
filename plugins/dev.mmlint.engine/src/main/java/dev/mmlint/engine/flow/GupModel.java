package dev.mmlint.engine.flow;

import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;

/**
 * The GUP-holdings model (MM007): the references an array filled by get_user_pages/pin_user_pages
 * holds ({@link GupFacts}), how they are released (put or unpin, per page or per array), what a count
 * test says about how many were filled, and the references a page variable holds. Raises
 * {@link Event.Release} at each release of an array's pages and {@link Event.Leak} for a local array
 * still holding references where the function returns.
 */
final class GupModel {
    private final Events events;
    private final dev.mmlint.frontend.SourceText text;
    /** Returns of a count of released pages seen in the reporting pass, raised by {@link #finish()}. */
    private final java.util.List<Event.ReturnsReleased> releasedReturns = new java.util.ArrayList<>();
    /** Arrays whose pages some return of the reporting pass leaves held (handed on to the caller). */
    private final java.util.Set<String> heldAtReturn = new java.util.HashSet<>();
    /** Returns of ERR_PTR(count) seen in the reporting pass, raised by {@link #finish()}. */
    private final java.util.List<Event.ErrPtrCount> errPtrReturns = new java.util.ArrayList<>();

    GupModel(Events events, dev.mmlint.frontend.SourceText text) {
        this.events = events;
        this.text = text;
    }

    /** A single page variable now holds a reference ({@code get_page(page)}). */
    void get(PageFacts core, String var, PageValue v, PageValue.Origin o, String api, int line) {
        core.putPage(var, v.withRef(RefState.HELD, o, api, false, false).step(new WitnessStep("get", api, line)));
    }

    /**
     * {@code api} fills {@code array} with pinned ({@code pin}) or referenced pages; {@code addressOf}: it
     * was given {@code &array} of a single page variable, which now holds that reference.
     */
    void filled(FlowState st, String array, boolean pin, boolean local, boolean addressOf, PageValue.Origin o, AppliedClause clause, String api,
                Long requested, String askedVar, int line) {
        filled(st, array, pin, null, null, local, addressOf, o, clause, api, requested, askedVar, line);
    }

    /**
     * As {@link #filled(FlowState, String, boolean, boolean, boolean, PageValue.Origin, AppliedClause, String, Long, String, int)};
     * {@code pinVar} not null: pinned where that variable has {@code pinFlag} set, referenced where it is clear.
     */
    void filled(FlowState st, String array, boolean pin, String pinVar, String pinFlag, boolean local, boolean addressOf, PageValue.Origin o,
                AppliedClause clause, String api, Long requested, String askedVar, int line) {
        st.gup.put(array, new ArrayHold(pin && pinVar == null, ArrayHold.Status.HELD, o, clause, local, api, requested, pinVar, pinFlag));
        st.gup.shorts().filled(array, askedVar);
        if (addressOf)
            st.core.putPage(array, PageValue.of(Shape.MAYBE_TAIL, o, clause)
                    .withRef(pin ? RefState.PINNED : RefState.GUP_HELD, o, api, false, false)
                    .step(new WitnessStep(pin ? "pin" : "gup_get", api, line)));
    }

    /** The value of an element of an array GUP filled. */
    static PageValue element(ArrayHold h) {
        return PageValue.of(Shape.MAYBE_TAIL, h.origin(), h.clause())
                .withRef(h.pinned() ? RefState.PINNED : RefState.GUP_HELD, h.origin(), h.api(), false, false)
                .step(new WitnessStep(h.pinned() ? "pin" : "gup_get", h.api(), h.origin().line()));
    }

    /**
     * {@code api} puts or unpins ({@code unpin}) one page: page variable {@code var}, or an element of
     * array {@code element}; also the folio of a page GUP filled through {@code &page}.
     */
    void releasedPage(FlowState st, String var, String element, int off, int len, String api, boolean unpin, AppliedClause clause,
                      PageValue.Origin o) {
        String arr = element;
        if (arr == null && var != null && st.gup.holds(var)) arr = var;
        if (arr == null && var != null && st.core.hasPage(var) && st.core.page(var).headOf() != null
                && st.gup.holds(st.core.page(var).headOf())) arr = st.core.page(var).headOf();
        String entryOf = var == null ? null : st.gup.shorts().elementOf(var); // page = pages[i]; put_page(page)
        if (arr == null && entryOf != null && st.gup.holds(entryOf)) arr = entryOf;
        if (arr != null && st.gup.holds(arr)) releasedArray(st.gup, arr, off, len, api, unpin, clause);
        if (var != null && st.core.hasPage(var))
            st.core.putPage(var, st.core.page(var).withRef(RefState.RELEASED, o, api, false, false));
    }

    /** {@code api} releases the pages of {@code array} (or one of them). */
    void releasedArray(GupFacts g, String array, int off, int len, String api, boolean unpin, AppliedClause clause) {
        ArrayHold h = g.hold(array);
        if (h == null) return;
        // the kind of the references, where a branch on this path tested the flag that decides it
        events.emit(new Event.Release(off, len, api, array, g.resolved(array), unpin, clause));
        if (h.holding()) g.put(array, h.with(ArrayHold.Status.RELEASED));
        g.releasedPages(array, text.line(off));
    }

    /** {@code var} is handed to code that is not analysed: its references are that code's business now. */
    void escaped(GupFacts g, String var) {
        ArrayHold h = g.hold(var);
        if (h != null && h.holding()) g.put(var, h.with(ArrayHold.Status.ESCAPED));
    }

    /**
     * An entry of {@code array} is handed on by itself (its pfn kept, the entry stored elsewhere) at {@code at}:
     * inside a walk over the batch, or of one entry of a batch that may hold more, the entries not reached yet
     * are still held here until the walk ends ({@link #walkEnded}); otherwise the batch is handed on.
     */
    void entryHandedOver(GupFacts g, String array, org.eclipse.cdt.core.dom.ast.IASTExpression entry, org.eclipse.cdt.core.dom.ast.IASTNode at) {
        ArrayHold h = g.hold(array);
        if (h == null) return;
        if (h.holding() && h.local() && (inWalk(g, array, entry, at) || firstOfMany(h, entry))) g.put(array, h.with(ArrayHold.Status.PARTIAL));
        else escaped(g, array);
    }

    /** A loop is left: the walks of batches handed on entry by entry inside it have handed them all. */
    void walkEnded(GupFacts g) {
        for (Map.Entry<String, ArrayHold> e : g.sorted().entrySet())
            if (e.getValue().status() == ArrayHold.Status.PARTIAL) g.put(e.getKey(), e.getValue().with(ArrayHold.Status.ESCAPED));
    }


    /**
     * {@code at} lies in a loop that walks {@code array}: its condition reads the count taken into it, the
     * number asked for it, or the index of the entry handed on.
     */
    private static boolean inWalk(GupFacts g, String array, org.eclipse.cdt.core.dom.ast.IASTExpression entry, org.eclipse.cdt.core.dom.ast.IASTNode at) {
        java.util.Set<String> idx = new java.util.HashSet<>();
        if (entry != null && Ast.strip(entry) instanceof org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression sub) names(sub.getArgument(), idx);
        for (org.eclipse.cdt.core.dom.ast.IASTNode p = at; p != null; p = p.getParent()) {
            if (p instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition) break;
            org.eclipse.cdt.core.dom.ast.IASTExpression cond = p instanceof org.eclipse.cdt.core.dom.ast.IASTForStatement f ? f.getConditionExpression()
                    : p instanceof org.eclipse.cdt.core.dom.ast.IASTWhileStatement w ? w.getCondition()
                    : p instanceof org.eclipse.cdt.core.dom.ast.IASTDoStatement d ? d.getCondition() : null;
            if (cond == null) continue;
            for (String n : names(cond))
                if (idx.contains(n) || g.countersOf(array).contains(n) || array.equals(g.mayCount(n)) || array.equals(g.shorts().askedFor(n))) return true;
        }
        return false;
    }

    /** {@code entry} is the entry at a constant index of a batch asked for more than one page. */
    private static boolean firstOfMany(ArrayHold h, org.eclipse.cdt.core.dom.ast.IASTExpression entry) {
        if (entry == null || !(Ast.strip(entry) instanceof org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression sub)) return false;
        if (!(sub.getArgument() instanceof org.eclipse.cdt.core.dom.ast.IASTExpression ix) || !(Ast.strip(ix) instanceof org.eclipse.cdt.core.dom.ast.IASTLiteralExpression)) return false;
        return h.requested() == null || h.requested() > 1;
    }

    /**
     * {@code count OP c} is {@code truth} (or {@code c OP count}, {@code swapped}): where that implies count <= 0, nothing is held.
     * {@code unsignedCount}: the count is held in an unsigned variable, where an errno is a huge number: only an
     * edge that bounds it above leaves no errno in it ({@code res > 0} is true of an errno there).
     */
    void countCompared(GupFacts g, String array, int op, long c, boolean truth, boolean swapped) {
        countCompared(g, array, op, c, truth, swapped, false);
    }

    void countCompared(GupFacts g, String array, int op, long c, boolean truth, boolean swapped, boolean unsignedCount) {
        if (swapped) op = Comparisons.mirror(op);
        unsignedCount = unsignedCount && errnoLeft(g, array);
        // the largest value count can have on this edge, when bounded above
        Long max = Comparisons.maxOnEdge(op, c, truth, false);
        ArrayHold h = g.hold(array);
        if (h != null && h.requested() != null && op == IASTBinaryExpression.op_notequals && truth && c == h.requested()) max = c - 1;
        if (h != null && h.requested() != null && op == IASTBinaryExpression.op_lessThan && truth && c == h.requested()) max = c - 1;
        if (max != null && max <= 0) countIs(g, array, 0);
        if (max != null && max <= 0) for (String v : g.countersOf(array)) g.shorts().notPositive(v);
        // the smallest value it can have: where that is not below zero, no errno is left in it
        Long min = Comparisons.minOnEdge(op, c, truth, false);
        if (unsignedCount) min = max != null && max >= 0 ? Long.valueOf(0) : null;
        if (min != null && min >= 0) for (String v : g.countersOf(array)) g.shorts().notNegative(v);
    }

    /**
     * {@code var OP c} is {@code truth} (or {@code c OP var}, {@code swapped}), {@code var} a plain variable that
     * may still hold a GUP count (a join made it no longer known as one): where that bounds it at zero or above,
     * no errno is left in it; where it bounds it at zero or below, it holds no count of pages taken, as a test
     * of the count itself says ({@link #countCompared}).
     */
    void valueCompared(GupFacts g, String var, int op, long c, boolean truth, boolean swapped) {
        Long min = Comparisons.minOnEdge(op, c, truth, swapped);
        if (min != null && min >= 0 && g.shorts().mayBeNegative(var)) g.shorts().notNegative(var);
        Long max = Comparisons.maxOnEdge(op, c, truth, swapped);
        if (max != null && max <= 0 && g.shorts().mayBeNonNegative(var)) g.shorts().notPositive(var);
    }

    /**
     * {@code count OP asked} is {@code truth}, {@code asked} the number of pages the GUP call asked for (or
     * {@code asked OP count}, {@code swapped}): where that says the count equals it, GUP took them all.
     */
    void countComparedWithAsked(GupFacts g, String array, int op, boolean truth, boolean swapped) {
        countComparedWithAsked(g, array, op, truth, swapped, false);
    }

    /** As {@link #countComparedWithAsked(GupFacts, String, int, boolean, boolean)}; {@code unsignedCount}: the count is held in an unsigned variable. */
    void countComparedWithAsked(GupFacts g, String array, int op, boolean truth, boolean swapped, boolean unsignedCount) {
        if (swapped) op = Comparisons.mirror(op);
        unsignedCount = unsignedCount && errnoLeft(g, array);
        boolean all = switch (op) {
            case IASTBinaryExpression.op_equals -> truth;
            case IASTBinaryExpression.op_notequals -> !truth;
            // at least the number asked for: all of them, unless the count is unsigned and an errno is huge in it
            case IASTBinaryExpression.op_greaterEqual -> truth && !unsignedCount;
            case IASTBinaryExpression.op_lessThan -> !truth && !unsignedCount;
            default -> false;
        };
        if (all) g.shorts().markTookAll(array);
        // equal to the number asked for: not an errno
        if (all) for (String v : g.countersOf(array)) g.shorts().notNegative(v);
        // below the number asked for, unsigned (u32 res < n): between zero and it, not an errno; at least it: an errno passed
        boolean below = op == IASTBinaryExpression.op_lessThan ? truth : op == IASTBinaryExpression.op_greaterEqual && !truth;
        boolean atLeast = op == IASTBinaryExpression.op_lessThan ? !truth : op == IASTBinaryExpression.op_greaterEqual && truth;
        if (unsignedCount && below) for (String v : g.countersOf(array)) g.shorts().notNegative(v);
        if (unsignedCount && atLeast) g.shorts().markErrnoPassed(array);
    }

    /**
     * {@code api} releases an entry of {@code array} in a walk bounded by {@code bounds} (the index and the
     * loop condition): a walk up to the number of pages asked for, not to the count taken, on a path that
     * never learned GUP took them all, releases entries a short GUP did not fill.
     */
    void releasedInWalk(GupFacts g, String array, java.util.Set<String> bounds, int off, int len, String api, boolean unpin,
                        AppliedClause clause) {
        if (!events.learning() || array == null) return;
        ArrayHold h = g.hold(array);
        // RELEASED: this walk's own earlier steps (a release on some path counts, see ArrayHold#join); ESCAPED:
        // stored out on some path (ArrayHold#join lets that win over a path that still holds them), which does
        // not make a short GUP take more pages: only a path that learned it took them all is safe
        if (h == null || h.status() == ArrayHold.Status.NONE || g.shorts().tookAll(array)) return;
        String asked = null;
        for (String b : bounds) {
            if (g.countersOf(array).contains(b) || array.equals(g.mayCount(b))) return; // bounded by the count taken
            if (array.equals(g.shorts().askedFor(b))) asked = b;
        }
        if (asked == null) return;
        // a count that may still be an errno here passed the short-count test unsigned (u32 got < nr false for it)
        String errnoIn = null;
        if (g.shorts().errnoPassed(array))
            for (String v : g.countersOf(array)) if (g.shorts().mayBeNegative(v) && (errnoIn == null || v.compareTo(errnoIn) < 0)) errnoIn = v;
        events.emit(new Event.ReleasesAsked(off, len, api, array, asked, h, unpin, clause, errnoIn, g.shorts().stale(array)));
    }

    /** A variable counting the entries GUP filled in {@code array} may still hold its negative errno on this path. */
    private static boolean errnoLeft(GupFacts g, String array) {
        for (String v : g.countersOf(array)) if (g.shorts().mayBeNegative(v)) return true;
        return false;
    }

    /** {@code var} now holds an entry of a GUP array ({@code var = pages[i]}), or nothing of one. */
    void elementRead(GupFacts g, String var, org.eclipse.cdt.core.dom.ast.IASTExpression rhs) {
        if (var == null || rhs == null) return;
        if (Ast.strip(rhs) instanceof org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression sub) {
            String arr = Ast.path(sub.getArrayExpression());
            if (arr != null && g.holds(arr)) g.shorts().element(var, arr);
        }
    }

    /**
     * The function returns {@code ERR_PTR(count)}: where the count of a GUP array may be zero or positive on
     * this path, the caller's IS_ERR() does not see an error (reporting pass).
     */
    void returnsErrPtr(GupFacts g, String count, int off, int len) {
        if (!events.learning() || count == null || !g.shorts().mayBeNonNegative(count)) return;
        String array = g.mayCount(count);
        if (array != null && g.hold(array) != null) errPtrReturns.add(new Event.ErrPtrCount(off, len, count, array, g.hold(array)));
    }

    /** The variables that bound the walk a release of {@code arg} is part of: its index (pages[i]) and the condition of the innermost loop around it. */
    static java.util.Set<String> walkBounds(org.eclipse.cdt.core.dom.ast.IASTExpression arg) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (arg == null) return out;
        if (Ast.strip(arg) instanceof org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression sub) names(sub.getArgument(), out);
        for (org.eclipse.cdt.core.dom.ast.IASTNode p = arg; p != null; p = p.getParent()) {
            if (p instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition) break;
            if (p instanceof org.eclipse.cdt.core.dom.ast.IASTForStatement f) { names(f.getConditionExpression(), out); break; }
            if (p instanceof org.eclipse.cdt.core.dom.ast.IASTWhileStatement w) { names(w.getCondition(), out); break; }
            if (p instanceof org.eclipse.cdt.core.dom.ast.IASTDoStatement d) { names(d.getCondition(), out); break; }
        }
        return out;
    }

    /** The variables an expression reads (the count of an array release). */
    static java.util.Set<String> names(org.eclipse.cdt.core.dom.ast.IASTExpression e) {
        java.util.Set<String> out = new java.util.HashSet<>();
        names(e, out);
        return out;
    }

    private static void names(org.eclipse.cdt.core.dom.ast.IASTNode n, java.util.Set<String> out) {
        if (n == null) return;
        n.accept(new org.eclipse.cdt.core.dom.ast.ASTVisitor(true) {
            @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTExpression e) {
                if (e instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression id) out.add(id.getName().toString());
                return PROCESS_CONTINUE;
            }
        });
    }

    /** On this edge the count of {@code array} is {@code some} (0: GUP filled nothing). */
    void countIs(GupFacts g, String array, int some) {
        ArrayHold h = g.hold(array);
        if (h == null) return;
        if (some == 0 && h.status() == ArrayHold.Status.HELD) g.put(array, h.with(ArrayHold.Status.NONE));
        if (some == 0) for (String v : g.countersOf(array)) g.shorts().notPositive(v);
    }

    /**
     * Page variable {@code var} is NULL on this edge ({@code if (ret != 1 || !page)}): GUP never stores NULL for a
     * page it took, so where it filled {@code &var} (the variable still holding what it stored) it took nothing
     * on this edge: {@code ret == 1 && !page} is a path no call takes.
     */
    void nullPage(FlowState st, String var) {
        ArrayHold h = st.gup.hold(var);
        PageValue pv = st.core.hasPage(var) ? st.core.page(var) : null;
        if (h == null || h.status() != ArrayHold.Status.HELD || pv == null || pv.ref() != RefState.PINNED && pv.ref() != RefState.GUP_HELD) return;
        countIs(st.gup, var, 0);
    }

    /** {@code if (count)} is false on this edge: the count is zero, no errno. */
    void countZero(GupFacts g, String array) {
        countIs(g, array, 0);
        for (String v : g.countersOf(array)) g.shorts().notNegative(v);
    }

    /**
     * The function returns {@code value} (a variable, or the variable a call such as ERR_PTR(ret) wraps;
     * null otherwise) at [off, off+len): a count of pages released on this path is remembered, and so
     * are the arrays whose pages this return leaves held. A count may be zero on a path that only knows
     * it is not negative, so only a path that released the pages tells the count is stale; a count this path
     * proved at most zero (or negative) is no count of pages at all. Reporting pass.
     */
    void returnsValue(GupFacts g, String value, int off, int len) {
        if (!events.learning()) return;
        // a count a branch on this path proved at most zero (if (ret > 0) ret = -EFAULT; left alone where ret <= 0)
        // counts no page the caller could take for held: an error or nothing, whatever was released
        Integer released = value == null || !g.shorts().mayBeNonNegative(value) ? null : g.releasedCount(value);
        String array = value == null ? null : g.mayCount(value);
        if (released != null && array != null && g.hold(array) != null)
            releasedReturns.add(new Event.ReturnsReleased(off, len, array, value, g.hold(array), released));
        // a return hands the pages to the caller where they are still held and are the caller's to see:
        // an array that is not this function's own, or one returned or counted by the returned value. A
        // local array held at a return that does not return it is a leak (see returns()), not a hand-over;
        // and the return of a count of released pages hands nothing over, whatever the join of the loop
        // that released them says of the array (a release loop may be entered zero times).
        for (Map.Entry<String, ArrayHold> e : g.sorted().entrySet()) {
            ArrayHold h = e.getValue();
            if (!h.holding() && h.status() != ArrayHold.Status.ESCAPED) continue;
            if (released != null && e.getKey().equals(array)) continue;
            // a local array whose entries were stored elsewhere (in the caller's sg list) hands them over as well
            if (!h.local() || h.status() == ArrayHold.Status.ESCAPED && g.wasStoredOut(e.getKey()) || e.getKey().equals(value) || e.getKey().equals(array))
                heldAtReturn.add(e.getKey());
        }
    }

    /**
     * Raises the returns of released counts in a function that hands the same array's pages to its caller
     * held on another path (the caller's contract: the count says how many references it now holds).
     */
    void finish() {
        java.util.Set<Integer> said = new java.util.HashSet<>();
        for (Event.ReturnsReleased r : releasedReturns) if (heldAtReturn.contains(r.array())) { events.emit(r); said.add(r.offset()); }
        // a return already reported as a count of released pages says the same of its ERR_PTR()
        for (Event.ErrPtrCount e : errPtrReturns) if (said.add(e.offset())) events.emit(e);
        errPtrReturns.clear();
        releasedReturns.clear();
        heldAtReturn.clear();
    }

    /** The function returns at [off, off+len) (returning {@code escaped}, a variable, or null): local arrays still holding leak. */
    void returns(GupFacts g, int off, int len, String escaped) {
        if (!events.learning()) return;
        for (Map.Entry<String, ArrayHold> a : g.sorted().entrySet()) {
            ArrayHold h = a.getValue();
            if (h.local() && h.holding() && !a.getKey().equals(escaped))
                events.emit(new Event.Leak(off, len, a.getKey(), h));
        }
    }
}
