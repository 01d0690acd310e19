package dev.mmlint.frontend;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A statistic of the front end (parse time, pruned units, re-used preambles): a process-wide total
 * for benchmarks and status lines, and a {@link Scope} for whoever needs what one piece of work
 * added (a test asserting that its parse re-used a preamble), unaffected by other threads and
 * other tests.
 */
public final class Counter {
    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();
    private final LongAdder total = new LongAdder();

    public void increment() { add(1); }

    public void add(long n) {
        total.add(n);
        for (Scope s = SCOPE.get(); s != null; s = s.outer) s.counts.merge(this, n, Long::sum);
    }

    /** The process-wide total. */
    public long sum() { return total.sum(); }

    /** Counts what the current thread adds to any counter until the scope is closed (scopes nest). */
    public static Scope scope() {
        Scope s = new Scope(SCOPE.get());
        SCOPE.set(s);
        return s;
    }

    public static final class Scope implements AutoCloseable {
        private final Scope outer;
        private final Map<Counter, Long> counts = new HashMap<>();

        private Scope(Scope outer) { this.outer = outer; }

        /** What the scope's thread added to {@code c} since the scope was opened. */
        public long count(Counter c) { return counts.getOrDefault(c, 0L); }

        @Override public void close() { SCOPE.set(outer); }
    }
}
