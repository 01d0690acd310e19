package dev.mmlint.engine.flow;

import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.engine.check.Event;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;

/**
 * The contiguity model (struct page pointer arithmetic, MM001): which integers are bounded by a loop
 * guard or by the class of their value ({@link RangeFacts}), and the arithmetic on page pointers, with
 * how far its offset may range. A page pointer also carries the extent of the pfn range it points into:
 * {@code leaf + off} with {@code off} ranging over a leaf that may exceed a buddy block (a PUD leaf, a
 * gigantic hugetlb page) points into such a range, and stepping it by an unknown count may cross a
 * section. Raises {@link Event.PointerArith}.
 */
final class ContiguityModel {
    private final Events events;
    /** offset of a page-arithmetic expression -> the extent of the range its result points into */
    private final Map<Integer, Bound> arithExtent = new HashMap<>();

    /** comparisons whose operands are size expressions the model classifies as possibly larger than a buddy block -> their texts */
    private final Map<V.Cmp, String[]> sizeTexts = new IdentityHashMap<>();

    /** page variables the function frees as one buddy block, with that block's extent ({@link FreedBlocks}) */
    private Map<String, Bound> freed = Map.of();

    ContiguityModel(Events events) { this.events = events; }

    /** The function frees these page variables as one buddy block each: that is their extent wherever they are defined. */
    void freedBlocks(Map<String, Bound> blocks) { freed = blocks == null ? Map.of() : blocks; }

    /** The extent of the buddy block the function frees page variable {@code var} as, or null. */
    Bound freedBlock(String var) { return var == null ? null : freed.get(var); }

    /**
     * Comparison {@code cmp} was evaluated; {@code lText} / {@code rText} are the texts of its operands the
     * model classifies as possibly exceeding a buddy block (null for others), for {@link #refine}.
     */
    void compared(V.Cmp cmp, String lText, String rText) {
        if (lText != null || rText != null) sizeTexts.put(cmp, new String[] {lText, rText});
    }

    /** {@code form} (page++, page + i, &page[i]) moves page pointer {@code base} by up to {@code bound} (null: unknown). */
    void pointerArith(int off, int len, String base, String form, Bound bound, TextEdit fix) {
        pointerArith(null, off, len, base, form, bound, fix);
    }

    /**
     * As {@link #pointerArith(int, int, String, String, Bound, TextEdit)}, in state {@code r}: an offset of
     * unknown range on a page that points into an extent that may exceed a buddy block ranges over that
     * extent; the result points into the same extent (or into the offset's, when that is unbounded).
     */
    void pointerArith(RangeFacts r, int off, int len, String base, String form, Bound bound, TextEdit fix) {
        pointerArith(r, r == null ? null : r.extentOf(base), off, len, base, form, bound, fix);
    }

    /**
     * As {@link #pointerArith(RangeFacts, int, int, String, String, Bound, TextEdit)} on a base whose extent
     * {@code ext} the caller found (an expression, not a variable: {@code sg_page(sg) + n}); null: unknown.
     */
    void pointerArith(RangeFacts r, Bound ext, int off, int len, String base, String form, Bound bound, TextEdit fix) {
        // inside one buddy block any offset stays in it; inside a larger extent an offset of unknown range may leave the section
        Bound eff = ext != null && ext.bounded() ? ext : bound == null && ext != null ? ext : bound;
        Bound into = ext != null && ext.bounded() ? ext : bound != null && !bound.bounded() ? bound : ext;
        if (into != null) {
            arithExtent.put(off, into);
            // page += off moves the variable itself into the extent
            if (r != null && (form.startsWith(base + " +=") || form.startsWith(base + " -="))) r.extent(base, into);
        }
        events.emit(new Event.PointerArith(off, len, base, form, eff, fix));
    }

    /**
     * {@code form} ({@code page_ext_next(page_ext)}) steps {@code base} to the next entry of an array allocated
     * per memory section (model {@code return: contiguity_unsafe of curr}, clause {@code clause}), inside a
     * loop that runs {@code walk} times (null: not known). Outside a loop, or in a walk the model bounds to
     * one buddy block, it stays in the section; a walk of unknown or larger extent may leave it: nothing
     * about such a pointer tells how far the pages it describes go (a gigantic folio's, a PUD mapping's).
     */
    void sectionArrayStep(int off, int len, String base, String api, String form, Bound walk, dev.mmlint.engine.knowledge.AppliedClause clause, int line) {
        if (clause == null || !clause.applies() || walk != null && walk.bounded()) return;
        Bound eff = new Bound(false, walk != null ? "up to " + walk.what() + " pages" : "a count of pages no buddy order bounds", clause,
                walk != null ? walk.line() : line);
        events.emit(new Event.PointerArith(off, len, base, form, eff, null, api));
    }

    /**
     * {@code p - q}, two page pointers, used as a pfn distance: right only inside one section's memmap.
     * Raised when either points into an extent that may exceed a buddy block; the distance ranges as
     * far as that extent (an integer of its class), else it is unknown.
     */
    V distance(int off, int len, String base, String form, Bound p, Bound q) {
        Bound x = p != null && !p.bounded() ? p : q != null && !q.bounded() ? q : null;
        if (x == null) return V.UNKNOWN;
        events.emit(new Event.PointerArith(off, len, base, form, x, null));
        return new V.Int(x, null, null);
    }

    /** {@code p - q} of two page pointers nothing relates ({@code x}: the model's word that this is no pfn distance). */
    void unrelatedDistance(int off, int len, String base, String form, Bound x) {
        events.emit(new Event.PointerArith(off, len, base, form, x, null, null, true));
    }

    /**
     * The extent of the range page-valued expression {@code e} points into: a variable's, or that of the
     * page arithmetic {@code e} is (through parentheses and casts); null when not known.
     */
    Bound extentOf(RangeFacts r, IASTExpression e) {
        IASTExpression s = e == null ? null : Ast.strip(e);
        if (s == null) return null;
        String n = Ast.name(s);
        if (n != null) return r.extentOf(n);
        return arithExtent.get(Ast.offset(s));
    }

    /**
     * Page or folio variable {@code var} lies in a hugetlb folio of extent {@code x} (a hugetlb test was true,
     * or a hugetlb-only helper was handed it); so does the page a folio or head variable was taken from
     * ({@code folio = page_folio(page)}: PageValue#headOf). Null: nothing known.
     */
    void hugetlbPage(FlowState st, String var, Bound x) {
        if (x == null) return;
        st.ranges.extent(var, x);
        String of = st.core.hasPage(var) ? st.core.page(var).headOf() : null;
        if (of != null) st.ranges.extent(of, x);
    }

    /**
     * A hugetlb test of page or folio variable {@code var} at {@code line} is {@code truth} on this edge. False: the
     * variable (and the page a folio or head variable was taken from) is no hugetlb folio's, so a size the model
     * classifies as possibly larger than a buddy block because of it (compound_nr(page), folio_nr_pages(folio))
     * is one buddy block at most on this path: only hugetlb folios exceed one where the memmap is not contiguous
     * (ZONE_DEVICE's large folios need SPARSEMEM_VMEMMAP). True: nothing of the kind is known.
     */
    void hugetlbTest(FlowState st, String var, boolean truth, int line) {
        if (var == null) return;
        String of = st.core.hasPage(var) ? st.core.page(var).headOf() : null;
        for (String v : of == null ? java.util.List.of(var) : java.util.List.of(var, of)) {
            if (truth) st.ranges.hugetlb(v);
            else st.ranges.notHugetlb(v, line);
        }
    }

    /** Page variable {@code var} was assigned a value that points into extent {@code x} (null: unknown). */
    void assignedPage(RangeFacts r, String var, Bound x) {
        Bound block = freed.get(var);
        if (block != null) x = block;
        if (x != null) r.extent(var, x);
    }

    /**
     * Caller context: the join of what the call sites of one parameter pass. An unbounded value from
     * any caller makes the parameter unbounded (that caller reaches the helper with it); a bounded one
     * needs every caller bounded; otherwise unknown (null).
     */
    static Bound joinCallers(Bound a, Bound b) {
        if (a != null && !a.bounded()) return a;
        if (b != null && !b.bounded()) return b;
        if (a == null || b == null) return null;
        return a;
    }

    /** {@code var} was assigned a value whose class is {@code size}. */
    void assigned(RangeFacts r, String var, Bound size) { r.assigned(var, size); }

    /** An offset below this many pages stays inside one MAX_ORDER block's worth of pages: a small constant. */
    static final long SMALL_CONSTANT = 1024;
    /** One step of a page pointer (page++ outside a loop). */
    static final Bound ONE_STEP = new Bound(true, "1", null, 0);

    /** The range of an integer value used as a pfn offset: its class, or a small constant; null when unknown. */
    static Bound boundOf(V v) {
        if (!(v instanceof V.Int i)) return null;
        if (i.size() != null) return i.size();
        if (i.constant() != null && i.constant() >= 0 && i.constant() < SMALL_CONSTANT) return new Bound(true, String.valueOf(i.constant()), null, 0);
        return null;
    }

    /**
     * A comparison {@code c} is {@code truth} on this edge: {@code i < bound} (or mirrored, or {@code !=})
     * bounds i; so does the false edge of {@code i >= bound} (a guard {@code if (i >= n) return;}).
     */
    void refine(RangeFacts r, V.Cmp c, boolean truth) {
        int op = truth ? c.op() : negated(c.op());
        if (op < 0) return;
        boolean ne = op == IASTBinaryExpression.op_notequals;
        String[] texts = sizeTexts.get(c);
        if (texts != null) {
            // size <= bounded (the false edge of "if (size > MAX_ORDER_NR_PAGES) return ..."): the size is bounded on this path
            Bound lb = boundOf(c.l()), rb = boundOf(c.r());
            if (texts[0] != null && rb != null && rb.bounded() && (op == IASTBinaryExpression.op_lessThan || op == IASTBinaryExpression.op_lessEqual))
                r.guardSize(texts[0], rb);
            if (texts[1] != null && lb != null && lb.bounded() && (op == IASTBinaryExpression.op_greaterThan || op == IASTBinaryExpression.op_greaterEqual))
                r.guardSize(texts[1], lb);
        }
        if (c.l() instanceof V.Int i && i.var() != null && boundOf(c.r()) != null
                && (op == IASTBinaryExpression.op_lessThan || op == IASTBinaryExpression.op_lessEqual || ne))
            r.guard(i.var(), boundOf(c.r()));
        if (c.r() instanceof V.Int i && i.var() != null && boundOf(c.l()) != null
                && (op == IASTBinaryExpression.op_greaterThan || op == IASTBinaryExpression.op_greaterEqual || ne))
            r.guard(i.var(), boundOf(c.l()));
    }

    private static int negated(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_lessThan -> IASTBinaryExpression.op_greaterEqual;
            case IASTBinaryExpression.op_lessEqual -> IASTBinaryExpression.op_greaterThan;
            case IASTBinaryExpression.op_greaterThan -> IASTBinaryExpression.op_lessEqual;
            case IASTBinaryExpression.op_greaterEqual -> IASTBinaryExpression.op_lessThan;
            case IASTBinaryExpression.op_equals -> IASTBinaryExpression.op_notequals;
            default -> -1;
        };
    }

    /** Of two bounds, the unbounded one (either when one is unknown). */
    static Bound worst(Bound a, Bound b) {
        if (a == null) return b;
        if (b == null) return a;
        return !a.bounded() ? a : b;
    }

    /**
     * The value of a call that is at most some of its arguments ({@code caps_result}: each argument of
     * min(), min3(), min_t(); the upper limit of clamp()), as a page count: bounded by one buddy block
     * when any capping argument is; else it may exceed one when some argument may (clamp()'s value and
     * lower limit included: the value is at least the lower limit); else unknown.
     */
    static V capped(dev.mmlint.engine.knowledge.ApiEffect ef, java.util.List<V> vals) {
        Bound bounded = null, exceeds = null;
        for (var a : ef.args()) {
            if (a.kind() != dev.mmlint.engine.knowledge.ApiEffect.ArgEffect.Kind.CAPS_RESULT || a.index() >= vals.size()) continue;
            Bound b = boundOf(vals.get(a.index()));
            if (b != null && b.bounded() && bounded == null) bounded = b;
        }
        if (bounded != null) return new V.Int(bounded, null, null);
        for (V v : vals) {
            Bound b = V.sizeOf(v);
            if (b != null && !b.bounded()) { exceeds = b; break; }
        }
        return exceeds == null ? V.UNKNOWN : new V.Int(exceeds, null, null);
    }

    /** The bound of integer arithmetic on {@code a} and {@code b}: the worst of theirs, or unknown. */
    static V arithInt(V a, V b) {
        Bound s = worst(V.sizeOf(a), V.sizeOf(b));
        return s == null ? V.UNKNOWN : new V.Int(s, null, null);
    }
}
