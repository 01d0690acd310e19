package dev.mmlint.checks;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.flow.ArrayHold;
import dev.mmlint.engine.flow.WitnessStep;
import java.util.List;

/**
 * MM007: GUP pairing — pinned pages released with put_page, referenced pages released with
 * unpin_user_page, references released where none were taken, references leaked on a return path.
 */
public final class GupPairing implements Check {
    static final RuleInfo INFO = new RuleInfo("MM007", "gup-reference-pairing", Severity.ERROR, Confidence.HIGH,
            "user pages released with the wrong call, when none were taken, or leaked",
            "release pin_user_pages*() pages with unpin_user_page*(), get_user_pages*() pages with put_page()", false);

    @Override public RuleInfo info() { return INFO; }

    @Override public void on(Event event, Reporter r) {
        if (event instanceof Event.Release rel) {
            ArrayHold h = rel.hold();
            Evidence taken = new Evidence(h.origin().line(), h.origin().column(), "taken by " + h.origin().what());
            WitnessStep got = new WitnessStep(h.pinned() ? "pin" : "gup_get", h.api(), h.origin().line());
            WitnessStep rs = new WitnessStep(rel.unpin() ? "unpin" : "put", rel.api(), r.line(rel.offset()));
            if (h.status() == ArrayHold.Status.NONE) {
                r.report(this, rel, rel.api() + "() on '" + rel.array() + "' where " + h.api() + "() took no references on this path",
                        rel.clause(), INFO.confidence(), List.of(taken), "release only the pages " + h.api() + "() returned (when it returned > 0)",
                        List.of(), List.of(new WitnessStep(h.pinned() ? "pin_none" : "gup_none", h.api(), h.origin().line()), rs));
            } else if (h.pinned() && !rel.unpin()) {
                r.report(this, rel, "'" + rel.array() + "' pinned by " + h.api() + "() (line " + h.origin().line() + ") released with "
                        + rel.api() + "()", rel.clause(), INFO.confidence(), List.of(taken),
                        "release FOLL_PIN pages with unpin_user_page() / unpin_user_pages()", List.of(), List.of(got, rs));
            } else if (!h.pinned() && rel.unpin()) {
                r.report(this, rel, "'" + rel.array() + "' referenced by " + h.api() + "() (line " + h.origin().line() + ") released with "
                        + rel.api() + "()", rel.clause(), INFO.confidence(), List.of(taken),
                        "release FOLL_GET pages with put_page() / release_pages()", List.of(), List.of(got, rs));
            }
        } else if (event instanceof Event.Leak l) {
            ArrayHold h = l.hold();
            r.report(this, l, "references taken by " + h.api() + "() on '" + l.array() + "' (line " + h.origin().line()
                            + ") leak on this return path", h.clause(), INFO.confidence(),
                    List.of(new Evidence(h.origin().line(), h.origin().column(), "taken by " + h.origin().what())),
                    h.pinned() ? "unpin_user_pages() the pinned pages before returning" : "put_page() the pages before returning", List.of(),
                    List.of(new WitnessStep(h.pinned() ? "pin" : "gup_get", h.api(), h.origin().line()),
                            new WitnessStep("return", "", r.line(l.offset()))));
        }
    }
}
