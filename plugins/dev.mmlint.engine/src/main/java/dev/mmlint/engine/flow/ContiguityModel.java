package dev.mmlint.engine.flow;

import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.engine.check.Event;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;

/**
 * The contiguity model (struct page pointer arithmetic, MM001): which integers are bounded by a loop
 * guard or by the class of their value ({@link RangeFacts}), and the arithmetic on page pointers, with
 * how far its offset may range. Raises {@link Event.PointerArith}.
 */
final class ContiguityModel {
    private final Events events;

    ContiguityModel(Events events) { this.events = events; }

    /** {@code form} (page++, page + i, &page[i]) moves page pointer {@code base} by up to {@code bound} (null: unknown). */
    void pointerArith(int off, int len, String base, String form, Bound bound, TextEdit fix) {
        events.emit(new Event.PointerArith(off, len, base, form, bound, fix));
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
