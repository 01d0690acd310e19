package dev.mmlint.engine.flow;

import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;

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
        List<IASTExpression> args = List.of();
        WrittenView.Invocation inv = c.view.rootedAt(s);
        if (inv == null) inv = c.view.rootedAt(e); // compound_head(page): a macro whose expansion starts with a cast
        if (inv != null && inv.functionLike()) {
            callee = inv.name();
            args = inv.args();
        } else if (s instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression id) {
            callee = id.getName().toString();
            for (IASTInitializerClause a : call.getArguments()) if (a instanceof IASTExpression ae) args = append(args, ae);
        }
        if (callee == null) return null;
        String fn = callee;
        // compound_head(page), page_folio(page): the head lies in the range its page lies in; folio_page(folio, n):
        // a subpage of its folio (walked within it) in the folio's
        java.util.Optional<ApiEffect> ef = c.kb.call(fn);
        // virt_to_page(addr): the page of an address lies in the range the address lies in (an address
        // alloc_pages_exact() returned: one buddy block)
        if (ef.isPresent() && (ef.get().result() == ApiEffect.Result.HEAD_OF_ARG || ef.get().result() == ApiEffect.Result.FOLIO_OF_ARG
                || ef.get().result() == ApiEffect.Result.SUBPAGE || ef.get().result() == ApiEffect.Result.TAIL_IF_OBJECT_PARAM)
                && ef.get().resultArg() >= 0 && ef.get().resultArg() < args.size()) {
            Bound x = c.ranges.extentOf(c.st.ranges, args.get(ef.get().resultArg()));
            if (x != null) return x;
            // nth_page(page, (addr & ~PUD_MASK) >> PAGE_SHIFT): a subpage at an offset that ranges over a leaf
            // larger than a buddy block lies in a range that large, whatever is known of the page it was taken from
            if (ef.get().result() == ApiEffect.Result.SUBPAGE) {
                Bound off = subpageOffset(c, args, ef.get().resultArg());
                if (off != null) return new Bound(false, "the range " + fn + "() indexes into by " + off.what(), off.clause(), off.line());
            }
        }
        // a function of the unit that returns a pointer into a range it knows (every non-NULL return)
        if (ef.isEmpty() && s instanceof IASTFunctionCallExpression) {
            FunctionSummary sum = c.summaries.apply(fn);
            if (sum != null && sum.returnedExtent() != null) return sum.returnedExtent();
        }
        Bound b2 = c.kb.unboundedRange(fn).map(r -> unbounded(c, fn, r, s)).orElse(null);
        return b2 != null ? b2 : hugetlbFolio(c, fn, args, s);
    }

    /**
     * The offset of a subpage look-up ({@code nth_page(page, n)}, {@code folio_page(folio, n)}: the arguments
     * other than the page's, {@code base}) when the model classifies it as possibly larger than a buddy block;
     * null otherwise (a bounded or unknown offset says nothing of how far the range goes, nor does a byte offset
     * nothing bounds: that reading is for a page of unknown extent, and a subpage look-up stays in its page's).
     */
    private static Bound subpageOffset(TransferContext c, List<IASTExpression> args, int base) {
        for (int i = 0; i < args.size(); i++) {
            if (i == base) continue;
            Bound b = c.ex.onExtent(c.silently(args.get(i)));
            if (b != null && !b.bounded()) return b;
        }
        return null;
    }

    /**
     * The page a lookup returns from a hugetlb entry (pte_page() of what huge_ptep_get() read) lies in a
     * hugetlb folio, which may be gigantic: its extent is what the model says of a hugetlb page's size
     * ({@code pages_per_huge_page(h)}, clause contiguity.gigantic-hugetlb, gated as that clause is).
     */
    private static Bound hugetlbFolio(TransferContext c, String fn, List<IASTExpression> args, IASTExpression at) {
        if (args.isEmpty() || c.kb.call(fn).map(ef -> ef.result() != ApiEffect.Result.POSSIBLY_TAIL && ef.result() != ApiEffect.Result.SUBPAGE)
                .orElse(true)) return null;
        boolean huge = false;
        for (IASTExpression a : args) {
            String n = Ast.name(Ast.strip(a));
            if (n != null ? c.st.core.hugeEntry(n) != null : c.silently(a) instanceof V.HugeEntry) { huge = true; break; }
        }
        if (!huge) return null;
        return hugetlbExtent("the hugetlb folio " + fn + "() maps", null, c, c.line(Ast.offset(at)));
    }

    /**
     * The extent of a page a hugetlb test ({@code PageHuge(page)}, {@code folio_test_hugetlb(folio)}, model
     * {@code return: tests_hugetlb}) found true at {@code line}: it lies in a hugetlb folio, which may be
     * gigantic, as {@link #hugetlbFolio} (clause contiguity.gigantic-hugetlb, gated as that clause is).
     */
    static Bound hugetlbTested(TransferContext c, String fn, int line) {
        dev.mmlint.engine.knowledge.AppliedClause test = c.kb.call(fn).map(ApiEffect::resultClause).orElse(null);
        if (test == null || !test.applies()) return null;
        return hugetlbExtent("the hugetlb folio " + fn + "() found it in", test, c, line);
    }

    /**
     * The extent of a page handed to hugetlb-only helper {@code fn} (model {@code in_hugetlb_folio}, clause
     * {@code clause}) at {@code line}: a hugetlb folio, which may be gigantic.
     */
    static Bound inHugetlb(TransferContext c, String fn, dev.mmlint.engine.knowledge.AppliedClause clause, int line) {
        if (clause == null || !clause.applies()) return null;
        return hugetlbExtent("the hugetlb folio " + fn + "() takes it in", clause, c, line);
    }

    /**
     * A hugetlb folio's extent as the model sizes it ({@code pages_per_huge_page(h)}) when that may exceed a
     * buddy block, described as {@code what} and cited under {@code clause} (null: the size's own clause).
     */
    private static Bound hugetlbExtent(String what, dev.mmlint.engine.knowledge.AppliedClause clause, TransferContext c, int line) {
        return c.kb.size(HUGETLB_FOLIO_SIZE).filter(r -> !r.bounded())
                .map(r -> new Bound(false, what + " (" + r.what() + ")", clause != null ? clause : r.clause(), line)).orElse(null);
    }

    /** How the model names a hugetlb folio's size in pages. */
    private static final String HUGETLB_FOLIO_SIZE = "pages_per_huge_page(h)";

    private static List<IASTExpression> append(List<IASTExpression> l, IASTExpression e) {
        List<IASTExpression> r = new java.util.ArrayList<>(l);
        r.add(e);
        return r;
    }

    private static Bound unbounded(TransferContext c, String fn, ApiKnowledge.RangeResult r, IASTExpression at) {
        return new Bound(false, "the range " + fn + "() returns", r.clause(), c.line(Ast.offset(at)));
    }
}
