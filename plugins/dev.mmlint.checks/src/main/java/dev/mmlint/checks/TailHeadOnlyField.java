package dev.mmlint.checks;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.check.Witness;
import dev.mmlint.engine.flow.PageValue;
import dev.mmlint.engine.flow.Shape;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.flow.WitnessStep.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * MM002: a head-only struct page field read or written through a page that may be a tail, or a page that may
 * be a tail handed to an accessor that reads head-only state through the page it is given (a requirement of a
 * clause of this rule). A page may be a tail when a lookup the model knows returned it, or when it is a
 * parameter the model says the analysed function accepts as a tail.
 */
public final class TailHeadOnlyField implements Check {
    static final RuleInfo INFO = new RuleInfo("MM002", "tail-page-head-only-field", Severity.WARNING, Confidence.HIGH,
            "head-only struct page field accessed through a page that may be a tail",
            "use compound_head(page) or page_folio(page) and access the folio", false);

    @Override public RuleInfo info() { return INFO; }

    /** The field read (or the head-state accessor called) through a tail of an allocated compound page. */
    @Override public String scenario(List<WitnessStep> w) {
        WitnessStep f = Witness.last(w, Kind.READ_FIELD, Kind.WRITE_FIELD, Kind.CALL_HEAD_ONLY);
        if (f == null) return null;
        if (f.op() == Kind.CALL_HEAD_ONLY) return "ext_alloc(A,2); bind(p,A,1); call_head_only(p, " + Witness.fn(f, "unknown") + ", 0)";
        return "ext_alloc(A,2); bind(p,A,1); read_field(p, " + Witness.fn(f, "mapping") + ")";
    }

    static boolean mayBeTail(PageValue v) {
        return Checks.lookedUp(v) || Checks.tailParameter(v);
    }

    @Override public void on(Event event, Reporter r) {
        if (event instanceof Event.HeadRequired h) {
            headState(h, r);
            return;
        }
        if (!(event instanceof Event.FieldAccess f) || f.headOnly() == null || !mayBeTail(f.value())) return;
        // writing a page the code tested to be a tail is compound-page management (freeing, splitting)
        if (f.write() && f.value().shape() == Shape.TAIL) return;
        String msg = "'" + f.base() + "->" + f.field() + "' " + (f.write() ? "written" : "read") + " through a page that may be a tail page"
                + Checks.from(f.value());
        List<WitnessStep> w = new ArrayList<>(f.value().witness());
        w.add(new WitnessStep(f.write() ? Kind.WRITE_FIELD : Kind.READ_FIELD, f.field(), r.line(f.offset())));
        r.finding(this, f).message(msg).clause(f.headOnly()).evidence(Checks.origin(f.value(), "may be a tail: "))
                .fixHint("'" + f.field() + "' is only valid in the head page: use page_folio(" + f.base() + ")->" + f.field()
                        + " or compound_head(" + f.base() + ")->" + f.field()).witness(w).report();
    }

    /**
     * An accessor that reads head-only state through the page it is given (a head requirement of a clause
     * of this rule; the reporter keeps only those) handed a page that may be a tail.
     */
    private void headState(Event.HeadRequired h, Reporter r) {
        if (h.clause() == null || !INFO.id().equals(h.clause().ruleId()) || !mayBeTail(h.value())) return;
        String msg = "'" + h.argText() + "' may be a tail page" + Checks.from(h.value()) + " but " + h.callee()
                + "() reads head-only state through the page it is given";
        List<WitnessStep> w = new ArrayList<>(h.value().witness());
        w.add(new WitnessStep(Kind.CALL_HEAD_ONLY, h.callee(), r.line(h.offset())));
        r.finding(this, h).message(msg).clause(h.clause()).evidence(Checks.origin(h.value(), "may be a tail: "))
                .fixHint("pass compound_head(" + h.argText() + ") to " + h.callee() + "(), or use an accessor that resolves the head")
                .witness(w).report();
    }
}
