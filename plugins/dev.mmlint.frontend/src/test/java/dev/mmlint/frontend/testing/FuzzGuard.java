package dev.mmlint.frontend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The invariants every fuzz target checks on one input, shared by the modules' {@code @FuzzTest}s:
 * <ul>
 * <li>no exception other than the parser's documented input errors ({@link #run}'s {@code allowed});</li>
 * <li>no hang: one input is given {@code budget}, else the target fails with "hang";</li>
 * <li>no write outside the output: {@link Snapshot} lists a directory's files with size and mtime, and
 *     {@link Snapshot#assertUnchanged} fails when anything was added, removed or touched.</li>
 * </ul>
 * A failure is an {@link AssertionError} naming the invariant, which Jazzer reports as a crash and
 * keeps as a regression input.
 */
public final class FuzzGuard {
    private FuzzGuard() {}

    /** The default per-input budget: generous for the CDT parser on a loaded machine. */
    /**
     * A temporary directory for a fuzz target's fixture that lives as long as the JVM (the targets keep
     * static fixtures across inputs, where JUnit's {@code @TempDir} cannot serve) and is deleted with
     * everything in it when the JVM ends, so a test run leaves nothing behind in the system temp directory.
     */
    public static Path tempDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // best effort at exit: nothing to report to
            }
        }, "mmlint-fuzz-cleanup"));
        return dir;
    }

    public static final Duration BUDGET = Duration.ofSeconds(Long.getLong("mmlint.fuzz.budgetSeconds", 20));

    /** A body that may throw anything. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private static ExecutorService worker = newWorker();

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "mmlint-fuzz", 256L << 20); // the parsers recurse deeply
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code body} within {@code budget}. Throwables of the {@code allowed} classes (the documented
     * input errors) pass; any other exception, or running past the budget, fails.
     */
    /** Whether an input ran yet in this JVM: the first one also loads (and, when fuzzing, instruments) the classes. */
    private static boolean warm;

    @SafeVarargs
    public static synchronized void run(Duration budget, Body body, Class<? extends Throwable>... allowed) {
        if (!warm) {
            budget = budget.multipliedBy(10);
            warm = true;
        }
        Future<?> f = worker.submit(() -> {
            body.run();
            return null;
        });
        try {
            f.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is abandoned (daemon)
            throw new AssertionError("hang: one input ran past the budget of " + budget.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            for (Class<? extends Throwable> a : allowed) if (a.isInstance(c)) return;
            if (c instanceof AssertionError ae) throw ae;
            throw new AssertionError("undocumented exception: " + c, c);
        }
    }

    /** {@link #run} with the default {@link #BUDGET}. */
    @SafeVarargs
    public static void run(Body body, Class<? extends Throwable>... allowed) {
        run(BUDGET, body, allowed);
    }

    /** Fails unless {@code message} is a clear one-line input error: not blank, one line, no Java stack or class names. */
    public static void assertClear(String message) {
        if (message == null || message.isBlank()) throw new AssertionError("input error without a message");
        if (message.contains("\n\tat ") || message.matches("(?s).*\\b(java|javax|org\\.eclipse|com\\.fasterxml)\\.[a-z]+\\.[A-Z]\\w*(Exception|Error)\\b.*"))
            throw new AssertionError("input error is a Java exception, not a clear problem line: " + message);
    }

    /** A directory's files (recursively) with size and last-modified time, and the directories themselves. */
    public record Snapshot(Path root, Map<String, String> entries) {
        public static Snapshot of(Path root) {
            Map<String, String> m = new TreeMap<>();
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return new Snapshot(root, m);
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    m.put(root.relativize(p).toString(), (a.isDirectory() ? "d " : a.isSymbolicLink() ? "l " : "f ")
                            + (a.isDirectory() ? 0 : a.size()) + " " + a.lastModifiedTime().toMillis());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Snapshot(root, m);
        }

        /** Fails naming what changed under the root since this snapshot. */
        public void assertUnchanged() {
            Snapshot now = of(root);
            if (now.entries.equals(entries)) return;
            List<String> diff = new java.util.ArrayList<>();
            for (var e : now.entries.entrySet())
                if (!e.getValue().equals(entries.get(e.getKey()))) diff.add((entries.containsKey(e.getKey()) ? "changed " : "added ") + e.getKey());
            for (String k : entries.keySet()) if (!now.entries.containsKey(k)) diff.add("removed " + k);
            throw new AssertionError("write outside the output under " + root + ": " + diff);
        }
    }

    /** The input as text the way a file of these bytes would be read: UTF-8, malformed bytes replaced. */
    public static String text(byte[] data) {
        return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A copy of at most {@code max} bytes (keeps one input within the budget of a linear parser). */
    public static byte[] cap(byte[] data, int max) {
        return data.length <= max ? data : Arrays.copyOf(data, max);
    }
}
