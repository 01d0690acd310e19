package dev.mmlint.checks;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.check.Witness;
import dev.mmlint.engine.flow.PageValue;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.flow.WitnessStep.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * MM003: a speculative reference taken on a page that may be a tail where the failure on a tail is not a
 * skip (it is returned as the function's failure) or the page is used as a head after the get succeeded
 * without re-checking what it is; or taken on the head and used before the validations the model
 * requires (entry re-read, compound_head(page) == head).
 */
public final class SpeculativeReference implements Check {
    static final RuleInfo INFO = new RuleInfo("MM003", "unvalidated-speculative-reference", Severity.WARNING, Confidence.HIGH,
            "speculative reference not taken on the head, or used before it is validated",
            "take the reference on the head, then re-check the pte/pmd and compound_head(page) == head", false);

    @Override public RuleInfo info() { return INFO; }

    /**
     * On a tail, the get itself; after a use, a get on the head of a mapped compound page that is
     * used before anything validates it.
     */
    @Override public String scenario(List<WitnessStep> w) {
        WitnessStep use = Witness.last(w, Kind.USE);
        WitnessStep get = Witness.last(w, Kind.SPECULATIVE_GET);
        if (get == null) return null;
        if (use == null) return "ext_alloc(A,2); bind(p,A,1); try_get_speculative(p, " + Witness.fn(get, "get_page_unless_zero") + ")";
        return "ext_alloc(A,2); map(A); bind(p,A,1); compound_head(h,p); try_get_speculative(h, "
                + Witness.fn(get, "get_page_unless_zero") + "); read_field(h, mapping)";
    }

    @Override public void on(Event event, Reporter r) {
        if (event instanceof Event.SpeculativeGet g && Checks.lookedUp(g.value()) && (g.failure() != null || g.headUse() != null)) {
            // on a tail the get fails: a finding only where that failure is not a skip, or where the page is
            // used as a head after the get succeeded without re-checking what it is (refcount.speculative-on-head)
            String msg = g.callee() + "() takes a speculative reference on '" + g.argText() + "', which may be a tail page"
                    + Checks.from(g.value()) + (g.failure() != null
                            ? ": on a tail it always fails, and " + g.failure()
                            : ": where it succeeds, '" + g.argText() + "' is used as a head (" + g.headUse()
                                    + ") before anything re-checks what the page is");
            List<WitnessStep> w = new ArrayList<>(g.value().witness());
            w.add(new WitnessStep(Kind.SPECULATIVE_GET, g.callee(), r.line(g.offset())));
            r.finding(this, g).message(msg).clause(g.clause()).evidence(Checks.origin(g.value(), "may be a tail: ")).fixHint(g.failure() != null
                            ? "take it on compound_head(" + g.argText() + ") and re-check compound_head(" + g.argText() + ") == head afterwards"
                            : "after the get, re-check what the page is (PageLRU(), isolate_lru_page(), a folio re-check) before using it as a head")
                    .witness(w).report();
        } else if (event instanceof Event.TableNotRechecked t) {
            // the entry was re-read, but it was read through a page table mapped from a copy of the pmd: a
            // collapse can free that table while its entries still look the same (gup.fast-pte-table-from-pmd-copy)
            PageValue v = t.value();
            String msg = "this re-check validates the speculative reference on '" + t.var() + "' against its page table entry only: the table was "
                    + "mapped from '" + t.pmd() + "', a copy of the pmd, which is never re-read before the reference is kept (return at line "
                    + t.exitLine() + ")";
            List<Evidence> ev = new ArrayList<>();
            if (v.refOrigin() != null) ev.add(new Evidence(v.refOrigin().line(), v.refOrigin().column(),
                    "speculative reference taken by " + v.refOrigin().what()));
            List<WitnessStep> w = new ArrayList<>(v.witness());
            w.add(new WitnessStep(Kind.USE, "kept", t.exitLine()));
            r.finding(this, t).message(msg).clause(t.clause()).evidence(ev)
                    .fixHint("re-check the pmd as well: if (pmd_val(" + t.pmd() + ") != pmd_val(*pmdp) || <the pte re-check>) drop the reference "
                            + "(hand pmdp down where only the copy is here)")
                    .witness(w).report();
        } else if (event instanceof Event.HugetlbSpeculative h) {
            // the hugetlb allocator may be building or freeing the page: its refcount is live meanwhile
            // (refcount.speculative-hugetlb-state)
            String msg = h.callee() + "() takes a speculative reference on '" + h.argText() + "', found to be a hugetlb page at line "
                    + h.testLine() + ", without asking the hugetlb allocator first whether it is in use: a hugetlb page being "
                    + "allocated or freed has a live refcount, and the get succeeds on it";
            List<WitnessStep> w = new ArrayList<>();
            w.add(new WitnessStep(Kind.SPECULATIVE_GET, h.callee(), r.line(h.offset())));
            r.finding(this, h).message(msg).clause(h.clause())
                    .evidence(List.of(new Evidence(h.testLine(), 0, "found to be a hugetlb page here")))
                    .fixHint("under hugetlb_lock, take the reference only on a page in use (HPageMigratable(), "
                            + "folio_test_hugetlb_migratable()) and not freed to the pool (HPageFreed())")
                    .witness(w).report();
        } else if (event instanceof Event.HugetlbRequired h) {
            // a page found without a reference may have been freed to the buddy allocator since it was a
            // hugetlb page; the callee asserts that it still is one (hugetlb.asserts-hugetlb-page)
            String msg = h.callee() + "() asserts that '" + h.argText() + "' is a hugetlb page, but nothing on the way here found it "
                    + "to be one: a hugetlb page found without a reference may be freed to the buddy allocator before this call, "
                    + "and the assertion fires";
            List<WitnessStep> w = new ArrayList<>();
            w.add(new WitnessStep(Kind.USE, h.callee(), r.line(h.offset())));
            r.finding(this, h).message(msg).clause(h.clause()).evidence(List.of())
                    .fixHint("under hugetlb_lock, test PageHeadHuge(" + h.argText() + ") (or PageHuge()) before calling " + h.callee() + "()")
                    .witness(w).report();
        } else if (event instanceof Event.SplitAway s) {
            // the split kept the caller's reference on the head it was given: the other pages of the former
            // compound page hold none of it (refcount.split-keeps-reference-on-page)
            String msg = "'" + s.var() + "' " + s.how() + " after " + s.api() + "(" + s.head() + ") at line " + s.splitLine()
                    + " split the compound page it was part of: the reference held on '" + s.head() + "' stayed on '" + s.head()
                    + "', and nothing holds '" + s.var() + "', which may be freed or reused";
            List<WitnessStep> w = new ArrayList<>();
            w.add(new WitnessStep(Kind.USE, s.how(), r.line(s.offset())));
            r.finding(this, s).message(msg).clause(s.clause()).evidence(List.of())
                    .fixHint("split the page itself (" + s.api() + "(" + s.var() + ")), whose reference the split keeps, or move the reference: "
                            + "if (" + s.var() + " != " + s.head() + ") { put_page(" + s.head() + "); get_page(" + s.var() + "); }")
                    .witness(w).report();
        } else if (event instanceof Event.SpeculativeUse u && u.value().unvalidated()) {
            PageValue v = u.value();
            List<String> missing = new ArrayList<>();
            if (v.needEntry()) missing.add("a re-read of the page-table entry" + (v.fromEntry() != null ? " ('" + v.fromEntry() + "')" : ""));
            if (v.needHead()) missing.add("compound_head(" + v.headOf() + ") == " + u.var());
            // raised at the get when the get is in this text (the re-check goes right after it), else at the use
            boolean atGet = u.useOffset() != u.offset();
            String msg = atGet
                    ? v.refOrigin().what() + " takes a speculative reference on '" + u.var() + "' that is " + u.how()
                            + " before it is validated: missing " + String.join(" and ", missing)
                    : "'" + u.var() + "' " + u.how() + " before its speculative reference is validated: missing "
                            + String.join(" and ", missing);
            List<Evidence> ev = new ArrayList<>();
            if (atGet) ev.add(new Evidence(r.line(u.useOffset()), r.column(u.useOffset()), "'" + u.var() + "' " + u.how() + " unvalidated"));
            else if (v.refOrigin() != null) ev.add(new Evidence(v.refOrigin().line(), v.refOrigin().column(),
                    "speculative reference taken by " + v.refOrigin().what()));
            List<WitnessStep> w = new ArrayList<>(v.witness());
            w.add(new WitnessStep(Kind.USE, u.how(), r.line(u.useOffset())));
            String fix = v.needHead()
                    ? "after the get, re-check: if (compound_head(" + v.headOf() + ") != " + u.var() + ") { put_page(" + u.var() + "); goto retry; }"
                    : "after the get, re-read the entry and compare it with the one the page was looked up from; drop the reference if it changed";
            r.finding(this, u).message(msg).clause(u.clause()).evidence(ev).fixHint(fix).witness(w).report();
        }
    }
}
