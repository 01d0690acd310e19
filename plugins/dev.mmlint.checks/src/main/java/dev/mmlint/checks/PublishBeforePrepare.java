package dev.mmlint.checks;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.flow.WitnessStep;
import java.util.ArrayList;
import java.util.List;

/** MM006: a compound page's refcount made visible before it is prepared, or set without freezing. */
public final class PublishBeforePrepare implements Check {
    static final RuleInfo INFO = new RuleInfo("MM006", "compound-page-published-early", Severity.WARNING, Confidence.MEDIUM,
            "compound page refcounted before it is prepared, or refcount set unfrozen",
            "prepare the compound page first, then set its refcount; freeze before setting a live refcount", false);

    @Override public RuleInfo info() { return INFO; }

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
            w.add(new WitnessStep("publish", p.var(), r.line(p.offset())));
            w.add(new WitnessStep("prep_compound", p.api(), p.otherLine()));
            fix = "call " + p.api() + "() before making the refcount visible";
        } else {
            msg = p.api() + "() sets the refcount of '" + p.var() + "'" + Checks.from(p.value())
                    + " without freezing it first: a concurrent speculative get may be lost";
            w.add(new WitnessStep("set_count", p.api(), r.line(p.offset())));
            fix = "freeze with page_ref_freeze() and publish with page_ref_unfreeze()";
        }
        r.report(this, p, msg, p.clause(), INFO.confidence(), ev, fix, List.of(), w);
    }
}
