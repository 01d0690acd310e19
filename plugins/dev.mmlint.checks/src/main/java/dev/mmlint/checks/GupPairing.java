package dev.mmlint.checks;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.check.Witness;
import dev.mmlint.engine.flow.ArrayHold;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.flow.WitnessStep.Kind;
import java.util.List;

/**
 * MM007: GUP pairing — pinned pages released with put_page, referenced pages released with
 * unpin_user_page, references released where none were taken, references leaked on a return path, a count of
 * released pages returned to a caller that takes it for references it holds.
 */
public final class GupPairing implements Check {
    static final RuleInfo INFO = new RuleInfo("MM007", "gup-reference-pairing", Severity.ERROR, Confidence.HIGH,
            "user pages released with the wrong call, when none were taken, or leaked",
            "release pin_user_pages*() pages with unpin_user_page*(), get_user_pages*() pages with put_page()", false);

    @Override public RuleInfo info() { return INFO; }

    /** User pages taken by GUP (none, when it took none), then released the witness's way, or held to the end (a leak). */
    @Override public String scenario(List<WitnessStep> w) {
        WitnessStep got = Witness.last(w, Kind.PIN, Kind.GUP_GET, Kind.PIN_NONE, Kind.GUP_NONE);
        if (got == null) return null;
        boolean pin = got.op() == Kind.PIN || got.op() == Kind.PIN_NONE;
        boolean none = got.op() == Kind.PIN_NONE || got.op() == Kind.GUP_NONE;
        String gup = "ext_alloc(U,2); map(U); gup(arr, U, 4, " + (none ? 0 : 4) + ", " + (pin ? "pin" : "get") + ", " + Witness.fn(got, "gup") + ")";
        WitnessStep rel = Witness.last(w, Kind.PUT, Kind.UNPIN);
        if (rel == null) return gup; // a leak: the path ends holding them
        return gup + "; release(arr, " + (none ? 1 : 4) + ", " + rel.op().label() + ", " + Witness.fn(rel, rel.op().label()) + ")";
    }

    @Override public void on(Event event, Reporter r) {
        if (event instanceof Event.Release rel) {
            ArrayHold h = rel.hold();
            Evidence taken = new Evidence(h.origin().line(), h.origin().column(), "taken by " + h.origin().what());
            WitnessStep got = new WitnessStep(h.pinned() ? Kind.PIN : Kind.GUP_GET, h.api(), h.origin().line());
            WitnessStep rs = new WitnessStep(rel.unpin() ? Kind.UNPIN : Kind.PUT, rel.api(), r.line(rel.offset()));
            if (h.status() == ArrayHold.Status.NONE) {
                r.finding(this, rel).message(rel.api() + "() on '" + rel.array() + "' where " + h.api() + "() took no references on this path")
                        .clause(rel.clause()).evidence(List.of(taken)).fixHint("release only the pages " + h.api() + "() returned (when it returned > 0)")
                        .witness(List.of(new WitnessStep(h.pinned() ? Kind.PIN_NONE : Kind.GUP_NONE, h.api(), h.origin().line()), rs)).report();
            } else if (h.maybePinned()) {
                // pinned where the flag is set, referenced where it is clear: one release call fits one of them only
                String other = rel.unpin() ? "clear" : "set";
                r.finding(this, rel).message("'" + rel.array() + "' filled by " + h.api() + "() (line " + h.origin().line() + ") holds pins where '"
                                + flagVar(h) + "' has " + h.pinFlag() + " set and plain references where it is clear, but is released with "
                                + rel.api() + "() on a path that does not test it: wrong where " + h.pinFlag() + " is " + other)
                        .clause(h.clause()).evidence(List.of(taken))
                        .fixHint("test the flag: if (" + flagVar(h) + " & " + h.pinFlag() + ") unpin_user_pages(); else put_page() each page")
                        .witness(List.of(new WitnessStep(rel.unpin() ? Kind.GUP_GET : Kind.PIN, h.api(), h.origin().line()), rs)).report();
            } else if (h.pinned() && !rel.unpin()) {
                r.finding(this, rel).message("'" + rel.array() + "' pinned by " + h.api() + "() (line " + h.origin().line() + ") released with "
                        + rel.api() + "()").clause(rel.clause()).evidence(List.of(taken))
                        .fixHint("release FOLL_PIN pages with unpin_user_page() / unpin_user_pages()").witness(List.of(got, rs)).report();
            } else if (!h.pinned() && rel.unpin()) {
                r.finding(this, rel).message("'" + rel.array() + "' referenced by " + h.api() + "() (line " + h.origin().line() + ") released with "
                        + rel.api() + "()").clause(rel.clause()).evidence(List.of(taken))
                        .fixHint("release FOLL_GET pages with put_page() / release_pages()").witness(List.of(got, rs)).report();
            }
        } else if (event instanceof Event.RefNotAsFlagsSay rf) {
            int at = r.line(rf.offset());
            r.finding(this, rf).message(rf.api() + "() takes a plain reference on the page handed back through '" + rf.out() + "', but '"
                            + rf.flags() + "' may ask for a pin (FOLL_PIN) on this path: the caller unpins a page that was never pinned")
                    .clause(rf.clause())
                    .fixHint("take the reference the flags ask for: try_grab_page(page, " + rf.flags() + ")")
                    .witness(List.of(new WitnessStep(Kind.GUP_GET, rf.api(), at), new WitnessStep(Kind.UNPIN, "unpin_user_page", at))).report();
        } else if (event instanceof Event.ReturnsReleased rr) {
            ArrayHold h = rr.hold();
            r.finding(this, rr).message("'" + rr.count() + "' returned as the count of pages " + h.api() + "() took in '" + rr.array()
                            + "' after they were released (line " + rr.releaseLine() + "): the caller, which gets them held from the other "
                            + "returns, releases them again").clause(h.clause())
                    .evidence(List.of(new Evidence(h.origin().line(), h.origin().column(), "taken by " + h.origin().what()),
                            new Evidence(rr.releaseLine(), 1, "released here")))
                    .fixHint("after releasing the pages, return 0 or an error (" + rr.count() + " = -EFAULT), not their count")
                    .witness(List.of(new WitnessStep(h.pinned() ? Kind.PIN : Kind.GUP_GET, h.api(), h.origin().line()),
                            new WitnessStep(h.pinned() ? Kind.UNPIN : Kind.PUT, h.pinned() ? "unpin_user_page" : "put_page", rr.releaseLine()),
                            new WitnessStep(Kind.RETURN, "", r.line(rr.offset())))).report();
        } else if (event instanceof Event.ReleasesAsked ra) {
            ArrayHold h = ra.hold();
            String fewer = ra.errnoIn() == null && ra.stale()
                    ? "which may have taken fewer: the rest still hold pages released before it filled the array again, and are released twice"
                    : ra.errnoIn() == null ? "which may have taken fewer: the rest hold no reference"
                    : "which may have failed: its negative errno, held in the unsigned '" + ra.errnoIn()
                      + "', passed the short-count test as a huge count, and no entry holds a reference";
            r.finding(this, ra).message(ra.api() + "() on entries of '" + ra.array() + "' up to '" + ra.asked() + "', the number of pages asked of "
                            + h.api() + "() (line " + h.origin().line() + "), " + fewer)
                    .clause(ra.clause() != null ? ra.clause() : h.clause())
                    .evidence(List.of(new Evidence(h.origin().line(), h.origin().column(), "taken by " + h.origin().what() + ", as many as it returned")))
                    .fixHint("release only the pages " + h.api() + "() returned, or treat a short count as an error first")
                    .witness(List.of(new WitnessStep(h.pinned() ? Kind.PIN_NONE : Kind.GUP_NONE, h.api(), h.origin().line()),
                            new WitnessStep(ra.unpin() ? Kind.UNPIN : Kind.PUT, ra.api(), r.line(ra.offset())))).report();
        } else if (event instanceof Event.NegativeCount nc) {
            ArrayHold h = nc.hold();
            String walk = nc.releaseLine() > 0 ? " (its walk at line " + nc.releaseLine() + ")" : "";
            // releaseLine < 0: the walk around the release is this function's own, param its test
            String huge = nc.releaseLine() < 0 ? "compared unsigned in the walk's test '" + nc.param() + "',"
                    : "as its unsigned count '" + nc.param() + "'" + walk;
            r.finding(this, nc).message(nc.api() + "() releases entries of '" + nc.array() + "' up to '" + nc.count() + "', which may still be the "
                            + "negative errno of a failed " + h.api() + "() (line " + h.origin().line() + ") here: " + huge
                            + " it becomes huge and walks entries GUP never filled")
                    .clause(h.clause())
                    .evidence(List.of(new Evidence(h.origin().line(), h.origin().column(), "count returned by " + h.origin().what() + ", < 0 on failure")))
                    .fixHint("release only when " + nc.count() + " > 0 (if (" + nc.count() + " > 0) " + nc.api() + "(...))")
                    .witness(List.of(new WitnessStep(h.pinned() ? Kind.PIN_NONE : Kind.GUP_NONE, h.api(), h.origin().line()),
                            new WitnessStep(h.pinned() ? Kind.UNPIN : Kind.PUT, nc.api(), r.line(nc.offset())))).report();
        } else if (event instanceof Event.ErrPtrCount ep) {
            ArrayHold h = ep.hold();
            r.finding(this, ep).message("ERR_PTR('" + ep.count() + "') where '" + ep.count() + "' is the count of pages " + h.api()
                            + "() took in '" + ep.array() + "' (line " + h.origin().line() + "), which may be zero or positive here: "
                            + "the caller's IS_ERR() is false").clause(h.clause())
                    .evidence(List.of(new Evidence(h.origin().line(), h.origin().column(), "count returned by " + h.origin().what())))
                    .fixHint("turn a short or zero count into an error first (" + ep.count() + " = -EFAULT)")
                    .witness(List.of(new WitnessStep(h.pinned() ? Kind.PIN : Kind.GUP_GET, h.api(), h.origin().line()),
                            new WitnessStep(Kind.RETURN, "", r.line(ep.offset())))).report();
        } else if (event instanceof Event.ErrorAfterFill f) {
            String kind = f.pinned() ? "pins" : "references";
            r.finding(this, f).message(f.api() + "() returns " + f.returned() + (f.returned().equals(String.valueOf(f.value())) ? "" : " = " + f.value())
                            + " (no pages taken) on a path on which it already stored pages with their " + kind + " in '" + f.array()
                            + "' (line " + f.fillLine() + "): its caller releases none of them")
                    .clause(f.clause())
                    .evidence(List.of(new Evidence(f.fillLine(), 1, "stored in '" + f.array() + "' here")))
                    .fixHint("return the number of pages taken so far when it is not zero (return i ? i : " + f.returned() + ";)")
                    .witness(List.of(new WitnessStep(f.pinned() ? Kind.PIN : Kind.GUP_GET, f.api(), f.fillLine()),
                            new WitnessStep(Kind.RETURN, "", r.line(f.offset())))).report();
        } else if (event instanceof Event.RefForOptionalArray o) {
            r.finding(this, o).message(o.api() + "() takes a reference on '" + o.var() + "' that only the store into '" + o.array()
                            + "' (line " + o.storeLine() + ") keeps, and that store is skipped where '" + o.array()
                            + "' is NULL: the reference is then dropped by nobody")
                    .clause(o.clause())
                    .evidence(List.of(new Evidence(o.storeLine(), 1, "stored only if '" + o.array() + "' is not NULL")))
                    .fixHint("take the reference under the same test: if (" + o.array() + ") { " + o.api() + "(" + o.var() + "); ... }")
                    .witness(List.of(new WitnessStep(Kind.GUP_GET, o.api(), r.line(o.offset())),
                            new WitnessStep(Kind.RETURN, "", o.storeLine()))).report();
        } else if (event instanceof Event.Leak l) {
            ArrayHold h = l.hold();
            String what = h.status() == ArrayHold.Status.PARTIAL
                    ? "references taken by " + h.api() + "() on the entries of '" + l.array() + "' (line " + h.origin().line()
                            + ") that the walk handing them on one by one has not reached yet leak on this path"
                    : !h.local() ? "references taken by " + h.api() + "() on '" + l.array() + "' (line " + h.origin().line()
                            + ") leak on this return path, which frees the array's memory (held in a field) without releasing them"
                    : "references taken by " + h.api() + "() on '" + l.array() + "' (line " + h.origin().line() + ") leak on this return path";
            r.finding(this, l).message(what).clause(h.clause())
                    .evidence(List.of(new Evidence(h.origin().line(), h.origin().column(), "taken by " + h.origin().what())))
                    .fixHint(h.status() == ArrayHold.Status.PARTIAL ? "release the entries the walk has not handed on before leaving it ("
                            + (h.pinned() ? "unpin_user_pages" : "release_pages") + "(&" + l.array() + "[i], n - i))"
                            : h.maybePinned() ? "release them before returning: unpin_user_pages() where " + flagVar(h) + " has " + h.pinFlag()
                            + ", put_page() where not" : h.pinned() ? "unpin_user_pages() the pinned pages before returning" : "put_page() the pages before returning")
                    .witness(List.of(new WitnessStep(h.pinned() ? Kind.PIN : Kind.GUP_GET, h.api(), h.origin().line()),
                            new WitnessStep(Kind.RETURN, "", r.line(l.offset())))).report();
        }
    }

    /** The variable whose flag decides the kind of a hold's references, as written at the call. */
    private static String flagVar(ArrayHold h) {
        String v = h.pinVar();
        return v.endsWith("'") ? v.substring(0, v.length() - 1) : v;
    }
}
