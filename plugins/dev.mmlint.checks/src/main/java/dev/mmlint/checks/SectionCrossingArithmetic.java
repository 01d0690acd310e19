package dev.mmlint.checks;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.check.Witness;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.flow.WitnessStep.Kind;
import java.util.List;

/** MM001: struct page pointer arithmetic over a pfn range that may cross a memory section. */
public final class SectionCrossingArithmetic implements Check {
    static final RuleInfo INFO = new RuleInfo("MM001", "section-crossing-page-arithmetic", Severity.WARNING, Confidence.HIGH,
            "page pointer arithmetic over a range that may cross a memory section",
            "use nth_page(page, i) or folio_page(folio, i)", true);

    @Override public RuleInfo info() { return INFO; }

    /** A gigantic page spanning two sections, walked past the first one. */
    @Override public String scenario(List<WitnessStep> w) {
        return Witness.last(w, Kind.PAGE_ARITH) == null ? null : "alloc_gigantic(G,5); ptr_add(p,G,17)";
    }

    @Override public void on(Event event, Reporter r) {
        if (!(event instanceof Event.PointerArith a) || a.bound() == null || a.bound().bounded()) return;
        if (a.array() != null) {
            perSectionArray(a, r);
            return;
        }
        if (a.unrelated()) {
            unrelatedDistance(a, r);
            return;
        }
        String msg = "'" + a.base() + "' advanced by pfn offset up to " + a.bound().what()
                + " may cross a memory section (SPARSEMEM without VMEMMAP)";
        List<Evidence> ev = List.of(
                new Evidence(a.bound().line(), 0, "offset bounded by " + a.bound().what() + ", not by a buddy order"),
                new Evidence(r.line(a.offset()), r.column(a.offset()), "arithmetic '" + Checks.quote(r, a.offset(), a.length()) + "'"));
        List<Fix> fixes = a.fix() == null ? List.of() : List.of(new Fix("use nth_page()", List.of(a.fix())));
        List<WitnessStep> w = List.of(new WitnessStep(Kind.RANGE, a.bound().what(), a.bound().line()),
                new WitnessStep(Kind.PAGE_ARITH, a.form(), r.line(a.offset())));
        r.finding(this, a).message(msg).clause(a.bound().clause()).evidence(ev).fixes(fixes).witness(w).report();
    }

    /** {@code p - q} for a page looked up afresh and a page it was not derived from: no pfn distance across sections. */
    private void unrelatedDistance(Event.PointerArith a, Reporter r) {
        String msg = "'" + a.form() + "' subtracts struct page pointers nothing relates: no pfn distance when they lie in different "
                + "memory sections (SPARSEMEM without VMEMMAP)";
        List<Evidence> ev = List.of(new Evidence(r.line(a.offset()), r.column(a.offset()), "difference '" + Checks.quote(r, a.offset(), a.length()) + "'"));
        List<WitnessStep> w = List.of(new WitnessStep(Kind.RANGE, a.bound().what(), a.bound().line()),
                new WitnessStep(Kind.PAGE_ARITH, a.form(), r.line(a.offset())));
        r.finding(this, a).message(msg).clause(a.bound().clause()).evidence(ev)
                .fixHint("compare pfns: page_to_pfn(p) - page_to_pfn(q), or test membership with page_folio()/compound_head()").witness(w).report();
    }

    /** A walk through an array allocated per memory section (page_ext_next()): split per section even with VMEMMAP. */
    private void perSectionArray(Event.PointerArith a, Reporter r) {
        String msg = "'" + a.base() + "' walked with " + a.array() + "() over " + a.bound().what()
                + " may leave its memory section's array (allocated per section with SPARSEMEM)";
        List<Evidence> ev = List.of(
                new Evidence(a.bound().line(), 0, "walk over " + a.bound().what()),
                new Evidence(r.line(a.offset()), r.column(a.offset()), "step '" + Checks.quote(r, a.offset(), a.length()) + "'"));
        List<WitnessStep> w = List.of(new WitnessStep(Kind.RANGE, a.bound().what(), a.bound().line()),
                new WitnessStep(Kind.PAGE_ARITH, a.form(), r.line(a.offset())));
        r.finding(this, a).message(msg).clause(a.bound().clause()).evidence(ev)
                .fixHint("look each entry up by pfn: for_each_page_ext(), or page_ext_get() per section").witness(w).report();
    }
}
