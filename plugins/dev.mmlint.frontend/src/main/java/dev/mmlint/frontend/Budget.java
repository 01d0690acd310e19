package dev.mmlint.frontend;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Budgets} of one file being analysed, running: its deadline, its memory limit, and the
 * deadline of the function being analysed. Whoever runs a file (a lint run, the coverage command,
 * an editor buffer analysis) opens it on the analysing thread ({@link #open()}); the front end and
 * the engine call {@link #checkCurrent()} in their loops (the preprocessor on every macro lookup,
 * the dataflow at every node), which throws {@link BudgetExceededException} once a budget has run
 * out. At the deadline a watchdog also cancels what was registered ({@link #onCancel}: CDT's
 * parser), for loops that do not check. Time is wall time, what a user waits for: the analysing
 * thread's CPU time would not count the garbage collection a growing expansion causes, which can be
 * most of the wait.
 *
 * <p>Memory: a file is over its budget when a collection of the old generation since the file
 * started left more than the budget in use, and the file's thread has allocated at least that
 * much since it started (it cannot hold more than it allocated). With several files at once this
 * attributes the heap to a file that could hold it; with one it is exact up to garbage.
 */
public final class Budget {
    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final String file;
    private final Budgets budgets;
    private final long start;
    private final long deadline;
    private final long memoryLimit;
    private final long gcCountAtStart;
    private final Thread thread;
    private final long allocatedAtStart;
    private final List<Runnable> cancels = new CopyOnWriteArrayList<>();
    private final Map<String, Long> functionNanos = new HashMap<>();
    private volatile BudgetExceededException exceeded;
    private volatile boolean closed;
    private ScheduledFuture<?> timer;
    private int ticks;
    private String function;
    private int functionLine;
    private long functionStart;
    private long functionDeadline = Long.MAX_VALUE;

    private Budget(String file, Budgets budgets) {
        this.file = file;
        this.budgets = budgets.resolved();
        this.start = System.nanoTime();
        Duration t = this.budgets.fileTime();
        this.deadline = t.isZero() ? Long.MAX_VALUE : start + t.toNanos();
        this.memoryLimit = this.budgets.memory().resolve();
        this.gcCountAtStart = memoryLimit > 0 ? oldGenCollections() : 0;
        this.thread = Thread.currentThread();
        this.allocatedAtStart = allocated(thread);
    }

    /** Starts the budget of {@code file} (its display name) now, on the calling thread. */
    public static Budget start(String file, Budgets budgets) {
        return new Budget(file, budgets == null ? Budgets.DEFAULTS : budgets);
    }

    /** The budget open on this thread, or null. */
    public static Budget current() { return CURRENT.get(); }

    /** Throws when the budget open on this thread (if any) has run out. Cheap: call it in loops. */
    public static void checkCurrent() {
        Budget b = CURRENT.get();
        if (b != null) b.check();
    }

    public Budgets budgets() { return budgets; }

    public String file() { return file; }

    /** Makes this the thread's current budget until the scope is closed; arms the watchdog. */
    public Scope open() {
        Budget previous = CURRENT.get();
        CURRENT.set(this);
        if (deadline != Long.MAX_VALUE)
            timer = WATCHDOG.schedule(() -> expire(timeReason(budgets.fileTime())), deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        return () -> {
            closed = true;
            if (timer != null) timer.cancel(false);
            cancels.clear();
            if (previous == null) CURRENT.remove(); else CURRENT.set(previous);
        };
    }

    /** A {@link #open()} scope; closing it does not throw. */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }

    /** Registers something to cancel when the file's budget runs out (CDT's parser); removed by the returned handle. */
    public Runnable onCancel(Runnable cancel) {
        cancels.add(cancel);
        if (exceeded != null) cancel.run();
        return () -> cancels.remove(cancel);
    }

    /** Whether the file's budget has run out (a parser may have swallowed the exception). */
    public BudgetExceededException exceeded() { return exceeded; }

    /** Throws the file's exception when its budget has run out. */
    public void throwIfExceeded() {
        BudgetExceededException e = exceeded;
        if (e != null) throw e;
    }

    public void check() {
        if (closed) return;
        BudgetExceededException e = exceeded;
        if (e != null) throw e;
        if ((++ticks & 0x3ff) != 0) return;
        long now = System.nanoTime();
        if (now - functionDeadline > 0 && function != null)
            throw new BudgetExceededException(timeReason(budgets.functionTime()), function, functionLine);
        if (now - deadline > 0) expire(timeReason(budgets.fileTime()));
        if ((ticks & 0xffff) == 0 && memoryLimit > 0) checkMemory();
        e = exceeded;
        if (e != null) throw e;
    }

    /** The file's budget ran out for {@code reason}: cancels what was registered; later checks throw. */
    public void expire(String reason) { fail(new BudgetExceededException(reason, null, 0)); }

    /** As {@link #expire}, with the exception to throw (it names a line). */
    public void fail(BudgetExceededException e) {
        synchronized (this) {
            if (exceeded != null) return;
            exceeded = e;
        }
        for (Runnable r : cancels) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // a cancel that fails leaves the checks to stop the work
            }
        }
    }

    /**
     * Starts {@code name}'s function budget (what it has already spent in this file counts); end it
     * with {@link #endFunction()}. A function over its budget throws a {@link BudgetExceededException}
     * whose {@link BudgetExceededException#function()} is set; the file goes on.
     */
    public void startFunction(String name, int line) {
        function = name;
        functionLine = line;
        functionStart = System.nanoTime();
        Duration d = budgets.functionTime();
        functionDeadline = d.isZero() ? Long.MAX_VALUE : functionStart + d.toNanos() - functionNanos.getOrDefault(name + ":" + line, 0L);
        ticks |= 0x3ff; // the next check looks at the clock
    }

    public void endFunction() {
        if (function != null) functionNanos.merge(function + ":" + functionLine, System.nanoTime() - functionStart, Long::sum);
        function = null;
        functionDeadline = Long.MAX_VALUE;
    }

    /** Seconds since the file started. */
    public Duration elapsed() { return Duration.ofNanos(System.nanoTime() - start); }

    static String timeReason(Duration budget) { return "time budget exceeded after " + Budgets.seconds(budget); }

    private void checkMemory() {
        if (oldGenCollections() == gcCountAtStart) return;
        long inUse = oldGenAfterCollection();
        if (inUse <= memoryLimit) return;
        long alloc = allocated(thread);
        if (alloc >= 0 && allocatedAtStart >= 0 && alloc - allocatedAtStart < memoryLimit) return;
        expire("memory budget exceeded (" + Budgets.bytes(inUse) + " in use after a collection, budget " + budgets.memory()
                + (budgets.memory().bytes() == 0 ? " of the heap" : "") + ")");
    }

    // ---- JVM memory facts

    private static final List<MemoryPoolMXBean> OLD = oldPools();

    private static List<MemoryPoolMXBean> oldPools() {
        List<MemoryPoolMXBean> l = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            String n = p.getName().toLowerCase(java.util.Locale.ROOT);
            if (p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported() && (n.contains("old") || n.contains("tenured")))
                l.add(p);
        }
        return l;
    }

    private static long oldGenCollections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
            for (String pool : gc.getMemoryPoolNames())
                for (MemoryPoolMXBean p : OLD) if (p.getName().equals(pool)) n += Math.max(0, gc.getCollectionCount());
        return n;
    }

    private static long oldGenAfterCollection() {
        long n = 0;
        for (MemoryPoolMXBean p : OLD) {
            var u = p.getCollectionUsage();
            if (u != null) n += u.getUsed();
        }
        return n;
    }

    private static long allocated(Thread t) {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean x && x.isThreadAllocatedMemorySupported())
                return x.getThreadAllocatedBytes(t.getId());
        } catch (RuntimeException | LinkageError e) {
            // not a HotSpot JVM: no attribution
        }
        return -1;
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mmlint-budget-watchdog");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        return ex;
    }
}
