package dev.mmlint.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock marks of a run's phases (process start, model loaded, files looked up, report written), printed on
 * stderr when the environment variable {@code MMLINT_TIMING} is 1. It changes no result and is not part of any
 * cache key; it is how the warm path's time is measured.
 */
public final class Phases {
    private static final boolean ON = "1".equals(System.getenv("MMLINT_TIMING"));
    private static final List<String> MARKS = new ArrayList<>();
    private static long last = start();

    private Phases() {}

    private static long start() {
        if (!ON) return 0;
        return ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());
    }

    /** Whether marks are kept. */
    public static boolean on() { return ON; }

    /** The time since the previous mark (the first: since the process started) is {@code what}'s. */
    public static synchronized void mark(String what) {
        if (!ON) return;
        long now = System.currentTimeMillis();
        MARKS.add(what + " " + (now - last) + " ms");
        last = now;
    }

    /** Prints the marks on {@code err}. */
    public static synchronized void print(PrintWriter err) {
        if (!ON) return;
        err.println("mmlint: timing: " + String.join(", ", MARKS));
        err.println("mmlint: front end: " + dev.mmlint.frontend.CdtFrontend.statistics());
        err.flush();
    }
}
