package dev.mmlint.checks;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.check.Witness;
import dev.mmlint.engine.flow.Shape;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.flow.WitnessStep.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * MM005: page_mapcount()/page_count() compared with 1 as proof of exclusive ownership of a possibly-THP
 * page: reported when the "looks exclusive" outcome leads to a decision the model says needs
 * exclusivity (reuse for a write, moving the anon rmap), or when the function returns the outcome
 * (an exclusivity predicate). A count used as a statistic, a sanity check or a skip heuristic is not
 * reported.
 */
public final class MapcountExclusivity implements Check {
    static final RuleInfo INFO = new RuleInfo("MM005", "mapcount-exclusivity-on-thp", Severity.WARNING, Confidence.MEDIUM,
            "mapcount or refcount used as exclusivity proof on a page that may be in a THP",
            "use PageAnonExclusive() (5.19+) or check the whole folio's mapcount and refcount", false);

    @Override public RuleInfo info() { return INFO; }

    /** Two subpages of one compound page mapped, one of them taken as exclusive on its count. */
    @Override public String scenario(List<WitnessStep> w) {
        WitnessStep t = Witness.last(w, Kind.MAPCOUNT_TEST);
        return t == null ? null
                : "ext_alloc(A,2); bind(p,A,1); bind(q,A,2); map(p); map(q); assume_exclusive(p, " + Witness.fn(t, "page_mapcount") + ")";
    }

    @Override public void on(Event event, Reporter r) {
        if (event instanceof Event.RefcountVsMapcount x) {
            extraReferences(x, r);
            return;
        }
        if (!(event instanceof Event.MapcountTest m) || m.decision() == null) return;
        // a callee's own verdict made of counts (reuse_swap_page()) is no proof on any page: it cannot see
        // GUP references; a count compared here is reported on a page that may be part of a THP
        if (!m.verdict() && !mayBeThp(m)) return;
        String var = m.var() != null ? m.var() : "the page";
        boolean returned = "returned".equals(m.decision());
        String why = m.verdict() ? "'s verdict is no proof of exclusive ownership of " + (m.var() != null ? "'" + var + "'" : var)
                + ": it counts mappings and swap entries, not GUP references, and on a THP not the other subpages' sharers"
                : "' is no proof of exclusive ownership: '" + var + "' may be part of a THP" + Checks.from(m.value());
        String msg = "'" + Checks.quote(r, m.offset(), m.length()) + why
                + (returned ? "; the function returns it as an exclusivity verdict" : "; " + m.decision() + " at line " + m.decisionLine() + " acts on it");
        List<WitnessStep> w = new ArrayList<>(m.value().witness());
        w.add(new WitnessStep(Kind.MAPCOUNT_TEST, m.api(), r.line(m.offset())));
        List<dev.mmlint.engine.api.Evidence> ev = new ArrayList<>(Checks.origin(m.value(), "may be compound: "));
        ev.add(new dev.mmlint.engine.api.Evidence(m.decisionLine(), 0, returned ? "the test's outcome is returned"
                : "decided exclusive here: " + m.decision()));
        r.finding(this, m).message(msg).clause(m.clause()).evidence(ev).witness(w).report();
    }

    /**
     * A refcount compared with the mappings of the one page (mapcount.refcount-vs-subpage-mapcount): on a THP every
     * subpage's mapping holds a reference, so a PTE-mapped THP looks pinned (or a pinned one looks unpinned).
     */
    private void extraReferences(Event.RefcountVsMapcount x, Reporter r) {
        if (!mayBeThp(x.value())) return;
        String msg = "'" + Checks.quote(r, x.offset(), x.length()) + "' weighs the refcount of '" + x.var() + "' against the mappings of '"
                + x.var() + "' alone: '" + x.var() + "' may be part of a THP" + Checks.from(x.value())
                + ", whose other subpages' mappings hold references too, so a mapped THP looks pinned";
        List<WitnessStep> w = new ArrayList<>(x.value().witness());
        w.add(new WitnessStep(Kind.MAPCOUNT_TEST, x.mapApi(), r.line(x.offset())));
        r.finding(this, x).message(msg).clause(x.clause()).evidence(Checks.origin(x.value(), "may be compound: "))
                .fixHint("compare with the mappings of every subpage (total_mapcount(), folio_mapcount()), or refuse compound pages before the test")
                .witness(w).report();
    }

    /** A count compared on a page the model says may be (part of) a compound page, not one iterated over. */
    private static boolean mayBeThp(Event.MapcountTest m) { return mayBeThp(m.value()); }

    private static boolean mayBeThp(dev.mmlint.engine.flow.PageValue v) {
        if (v.subpage() || v.originClause() == null) return false;
        Shape s = v.shape();
        return s == Shape.MAYBE_TAIL || s == Shape.TAIL || s == Shape.HEAD;
    }
}
