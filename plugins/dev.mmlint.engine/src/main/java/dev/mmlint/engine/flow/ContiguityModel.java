package dev.mmlint.engine.flow;

import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.engine.check.Event;
import java.util.HashMap;
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

    ContiguityModel(Events events) { this.events = events; }

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
        Bound ext = r == null ? null : r.extentOf(base);
        Bound eff = bound == null && ext != null && !ext.bounded() ? ext : bound;
        Bound into = bound != null && !bound.bounded() ? bound : ext;
        if (into != null && !into.bounded()) {
            arithExtent.put(off, into);
            // page += off moves the variable itself into the extent
            if (r != null && (form.startsWith(base + " +=") || form.startsWith(base + " -="))) r.extent(base, into);
        }
        events.emit(new Event.PointerArith(off, len, base, form, eff, fix));
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

    /** Page variable {@code var} was assigned {@code rhs}: it points into the extent {@code rhs} points into. */
    void assignedPage(RangeFacts r, String var, IASTExpression rhs) {
        Bound x = extentOf(r, rhs);
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

    /** A comparison {@code c} is {@code truth} on this edge: {@code i < bound} (or mirrored, or {@code !=}) bounds i. */
    void refine(RangeFacts r, V.Cmp c, boolean truth) {
        if (!truth) return;
        int op = c.op();
        boolean ne = op == IASTBinaryExpression.op_notequals;
        if (c.l() instanceof V.Int i && i.var() != null && c.r() instanceof V.Int b && b.size() != null
                && (op == IASTBinaryExpression.op_lessThan || op == IASTBinaryExpression.op_lessEqual || ne))
            r.guard(i.var(), b.size());
        if (c.r() instanceof V.Int i && i.var() != null && c.l() instanceof V.Int b && b.size() != null
                && (op == IASTBinaryExpression.op_greaterThan || op == IASTBinaryExpression.op_greaterEqual || ne))
            r.guard(i.var(), b.size());
    }

    /** Of two bounds, the unbounded one (either when one is unknown). */
    static Bound worst(Bound a, Bound b) {
        if (a == null) return b;
        if (b == null) return a;
        return !a.bounded() ? a : b;
    }

    /** The bound of integer arithmetic on {@code a} and {@code b}: the worst of theirs, or unknown. */
    static V arithInt(V a, V b) {
        Bound s = worst(V.sizeOf(a), V.sizeOf(b));
        return s == null ? V.UNKNOWN : new V.Int(s, null, null);
    }
}
