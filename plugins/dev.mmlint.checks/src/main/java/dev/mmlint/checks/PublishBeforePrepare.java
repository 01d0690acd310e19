package dev.mmlint.checks;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.check.Witness;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.flow.WitnessStep.Kind;
import java.util.ArrayList;
import java.util.List;

/** MM006: a compound page's refcount made visible before it is prepared, or set without freezing. */
public final class PublishBeforePrepare implements Check {
    static final RuleInfo INFO = new RuleInfo("MM006", "compound-page-published-early", Severity.WARNING, Confidence.MEDIUM,
            "compound page refcounted before it is prepared, or refcount set unfrozen",
            "prepare the compound page first, then set its refcount; freeze before setting a live refcount", false);

    @Override public RuleInfo info() { return INFO; }

    /** A refcount set over a published page's live one, or a page refcounted before it is prepared. */
    @Override public String scenario(List<WitnessStep> w) {
        WitnessStep set = Witness.last(w, Kind.SET_COUNT);
        if (set != null) return "alloc(A,0); publish(A); ext_get(A); set_page_count(A, 1, " + Witness.fn(set, "set_page_count") + ")";
        WitnessStep prep = Witness.last(w, Kind.PREP_COMPOUND);
        return prep == null ? null : "alloc_unprepared(A,2); set_refcounted(A, set_page_refcounted); ext_get(A); prep_compound(A, "
                + Witness.fn(prep, "prep_compound_page") + ")";
    }

    @Override public void on(Event event, Reporter r) {
        if (!(event instanceof Event.Publish p)) return;
        List<WitnessStep> w = new ArrayList<>(p.value().witness());
        List<Evidence> ev = new ArrayList<>();
        String msg;
        String fix;
        if (p.kind().equals("before-prepare")) {
            msg = "'" + p.var() + "' refcount made visible before " + p.api() + "() at line " + p.otherLine()
                    + " prepares the compound page: a speculative get may see a half-built compound page";
            ev.add(new Evidence(p.otherLine(), 0, p.api() + "() prepares it here"));
            w.add(new WitnessStep(Kind.PUBLISH, p.var(), r.line(p.offset())));
            w.add(new WitnessStep(Kind.PREP_COMPOUND, p.api(), p.otherLine()));
            fix = "call " + p.api() + "() before making the refcount visible";
        } else if (p.kind().equals("head-unfrozen")) {
            msg = p.api() + "() makes '" + p.var() + "' a compound head while its refcount is live, though its to-be tails are frozen "
                    + "(line " + p.otherLine() + "): a speculative get on it may take a reference on a half-built compound page";
            ev.add(new Evidence(p.otherLine(), 0, "a to-be tail is frozen here"));
            fix = "freeze '" + p.var() + "' too (page_ref_freeze(" + p.var() + ", 1)) before making it a compound page";
        } else if (p.kind().equals("unwaited")) {
            msg = p.api() + "() rewrites the struct pages of the memmap at '" + p.var() + "' while a speculative pfn walker may still "
                    + "hold a reference taken before: its put_page() writes a refcount through the old memmap";
            fix = "wait for speculative walkers with synchronize_rcu() before rewriting the memmap";
        } else {
            msg = p.api() + "() sets the refcount of '" + p.var() + "'" + Checks.from(p.value())
                    + " without freezing it first: a concurrent speculative get may be lost";
            // where the page came from, when that is another clause's word (a range handed out refcounted, in a caller)
            WitnessStep first = p.value().witness().isEmpty() ? null : p.value().witness().get(0);
            if (first != null && first.op() == Kind.LOOKUP && first.line() > 0 && p.value().originClause() != null
                    && (p.value().origin() == null || p.value().origin().line() != first.line())
                    && (p.clause() == null || !p.value().originClause().id().equals(p.clause().id())))
                ev.add(new Evidence(first.line(), 0, "its refcount may be held by others: " + first.detail() + "() (model clause "
                        + p.value().originClause().id() + ")"));
            w.add(new WitnessStep(Kind.SET_COUNT, p.api(), r.line(p.offset())));
            fix = "freeze with page_ref_freeze() and publish with page_ref_unfreeze()";
        }
        r.finding(this, p).message(msg).clause(p.clause()).evidence(ev).fixHint(fix).witness(w).report();
    }
}
