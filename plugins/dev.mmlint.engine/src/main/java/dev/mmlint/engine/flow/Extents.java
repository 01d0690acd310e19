package dev.mmlint.engine.flow;

import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;

/**
 * The extent of the pfn range a page-valued expression points into, as the model gives it (the
 * contiguity model tracks it from there): a buddy allocation of known order or a slab's page is one
 * block of at most MAX_ORDER pages (model {@code range} patterns, {@code within_max_order}); a CMA or
 * contiguous-range allocation may exceed one ({@code return: unbounded_range}).
 */
final class Extents {
    private Extents() {}

    /** The extent of page-valued {@code e} in the current state: tracked, else classified by the model; null when unknown. */
    static Bound of(TransferContext c, IASTExpression e) {
        Bound x = c.ranges.extentOf(c.st.ranges, e);
        return x != null ? x : classified(c, e);
    }

    /** The model's classification of the range page-valued {@code e} starts or lies in; null when it has none. */
    static Bound classified(TransferContext c, IASTExpression e) {
        if (e == null) return null;
        // as written first: slab_page(slab), before the macro's parentheses are stripped off its expansion
        Bound b = c.ex.sizeOfText(e);
        if (b != null) return b;
        IASTExpression s = Ast.strip(e);
        b = c.ex.sizeOfText(s);
        if (b != null) return b;
        String callee = null;
        WrittenView.Invocation inv = c.view.rootedAt(s);
        if (inv != null && inv.functionLike()) callee = inv.name();
        else if (s instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression id)
            callee = id.getName().toString();
        if (callee == null) return null;
        String fn = callee;
        return c.kb.unboundedRange(fn).map(r -> unbounded(c, fn, r, s)).orElse(null);
    }

    private static Bound unbounded(TransferContext c, String fn, ApiKnowledge.RangeResult r, IASTExpression at) {
        return new Bound(false, "the range " + fn + "() returns", r.clause(), c.line(Ast.offset(at)));
    }
}
