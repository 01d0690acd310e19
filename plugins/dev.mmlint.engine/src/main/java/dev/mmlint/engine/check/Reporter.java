package dev.mmlint.engine.check;

/** Where a check reports a finding for the event it is judging. */
public interface Reporter {
    /** Turns a report into a finding (or drops it when its clause does not apply to this tree). */
    void report(Report report);

    /** Starts a report of {@code check} at {@code at}; see {@link Report}. */
    default Report.Builder finding(Check check, Event at) { return new Report.Builder(this, check, at); }

    /** 1-based line of an offset of the analysed text (for evidence). */
    int line(int offset);

    int column(int offset);

    /** The text at an event (for messages). */
    String text(int offset, int length);
}
