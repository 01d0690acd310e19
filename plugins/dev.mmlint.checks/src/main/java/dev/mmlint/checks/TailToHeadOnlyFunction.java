package dev.mmlint.checks;

import dev.mmlint.model.api.Confidence;
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

/** MM004: a page that may be a tail passed to a function that requires a head. */
public final class TailToHeadOnlyFunction implements Check {
    static final RuleInfo INFO = new RuleInfo("MM004", "tail-page-to-head-only-function", Severity.WARNING, Confidence.HIGH,
            "page that may be a tail passed to a function that requires a head",
            "pass compound_head(page) or the folio (page_folio(page))", false);

    @Override public RuleInfo info() { return INFO; }

    /** A tail of an allocated compound page passed to the head-only function. */
    @Override public String scenario(List<WitnessStep> w) {
        WitnessStep c = Witness.last(w, Kind.CALL_HEAD_ONLY);
        return c == null ? null : "ext_alloc(A,2); bind(p,A,1); call_head_only(p, " + Witness.fn(c, "unknown") + ", 0)";
    }

    @Override public void on(Event event, Reporter r) {
        if (!(event instanceof Event.HeadRequired h) || !Checks.lookedUp(h.value())) return;
        String msg = "'" + h.argText() + "' may be a tail page" + Checks.from(h.value()) + " but " + h.callee() + "() requires a head page"
                + (h.because() != null ? ": it " + h.because() : "");
        List<WitnessStep> w = new ArrayList<>(h.value().witness());
        w.add(new WitnessStep(Kind.CALL_HEAD_ONLY, h.callee(), r.line(h.offset())));
        r.finding(this, h).message(msg).clause(h.clause()).evidence(Checks.origin(h.value(), "may be a tail: "))
                .fixHint("pass compound_head(" + h.argText() + ") (or the folio) to " + h.callee() + "()").witness(w).report();
    }
}
