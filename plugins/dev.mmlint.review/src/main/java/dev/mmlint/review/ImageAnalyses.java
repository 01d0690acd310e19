package dev.mmlint.review;

import dev.mmlint.engine.Engine;
import dev.mmlint.engine.UnitAnalyzer;
import dev.mmlint.frontend.Frontend;
import dev.mmlint.frontend.InputException;
import dev.mmlint.frontend.ParsedUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;

/**
 * The analyses of the file images of one review, each run once on the review's pool. In a series the
 * post-image of a file after one patch is the pre-image of the next patch that touches it: with
 * sharing on, an image (the same text, parsed as the same file) is parsed and analysed once and its
 * result serves every patch that needs it; only what classification needs is kept (findings with
 * their code keys, the functions and their lines), not the syntax tree.
 */
final class ImageAnalyses {
    /** A function an image defines, and its first and last line. */
    record Function(String name, int start, int end) {}

    /** One analysed image: its keyed findings and functions, or why it could not be analysed. */
    record Image(List<Classification.Keyed> findings, List<Function> functions, String problem) {
        /** The functions whose lines hold {@code line} (1-based; none for 0). */
        List<String> at(int line) {
            List<String> r = new ArrayList<>();
            if (line <= 0) return r;
            for (Function f : functions) if (f.start() <= line && line <= f.end()) r.add(f.name());
            return r;
        }

        Set<String> names() {
            Set<String> r = new LinkedHashSet<>();
            for (Function f : functions) r.add(f.name());
            return r;
        }
    }

    private record Key(Path asFile, String display, String text) {}

    private final Frontend fe;
    private final Engine engine;
    private final Executor pool;
    private final boolean share;
    private final ConcurrentHashMap<Key, CompletableFuture<Image>> images = new ConcurrentHashMap<>();
    private final AtomicInteger requested = new AtomicInteger(), analysed = new AtomicInteger();
    /**
     * What the last analysed image of each recently analysed file left for the next one of that file: a file's
     * images run one after the other (CHAIN), so a few files' memos serve every chain, and a long series does
     * not keep the runs of every file it touched.
     */
    private final java.util.Map<Path, UnitAnalyzer.Memo> memos = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(java.util.Map.Entry<Path, UnitAnalyzer.Memo> e) { return size() > MEMOS; }
    };
    private static final int MEMOS = 16;

    private UnitAnalyzer.Memo memo(Path asFile) {
        synchronized (memos) {
            return memos.computeIfAbsent(asFile, k -> new UnitAnalyzer.Memo());
        }
    }
    private final AtomicLong nanos = new AtomicLong(), parseNanos = new AtomicLong();

    /** @param share whether an image asked for again is served from its first analysis */
    ImageAnalyses(Frontend fe, Engine engine, Executor pool, boolean share) {
        this.fe = fe;
        this.engine = engine;
        this.pool = pool;
        this.share = share;
    }

    /**
     * Whether the images of one file run one after the other, on the thread that finished the previous
     * one ({@code -Dmmlint.review.chainImages}, default on): the pre- and post-image of a file (and its
     * later images in the series) then share the preprocessing of their headers through the front end's
     * recorded preamble, which two images of a file parsed at the same moment on two threads cannot;
     * different files still run in parallel. The results are those of a parse without re-use.
     */
    static final boolean CHAIN = !"false".equals(System.getProperty("mmlint.review.chainImages"));

    /**
     * The analysis of {@code text} as the file {@code asFile} shown as {@code display}: run, or under way,
     * or done; or, before {@link #start}, waiting for it.
     */
    CompletableFuture<Image> of(Path asFile, String display, String text) {
        requested.incrementAndGet();
        if (!share) return schedule(asFile, text.length(), () -> analyse(asFile, display, text));
        return images.computeIfAbsent(new Key(asFile, display, text), k -> schedule(asFile, text.length(), () -> analyse(asFile, display, text)));
    }

    /**
     * Whether the images asked for before {@link #start} wait for it and then run file by file, the
     * file with the most work first ({@code -Dmmlint.review.largestFirst}, default on, with
     * {@link #CHAIN}): the images of one file one after the other on one thread (as {@link #CHAIN}
     * has them), the files taken by whichever thread is free, largest first (longest processing time
     * first), so that no large file, met last in the series, keeps one core busy while the other has
     * nothing left to do. The order changes no result: each image is analysed as it would be alone.
     */
    static volatile boolean largestFirst = CHAIN && !"false".equals(System.getProperty("mmlint.review.largestFirst"));

    /**
     * The cost of an image beyond its own text in {@link #largestFirst}'s ordering, in characters:
     * the headers a file of the tree includes are preprocessed whatever its size (about as many
     * tokens as 100 kB of its own text).
     */
    private static final long IMAGE_COST = 100_000;

    /** The images of one file waiting for {@link #start}, in the order asked for, and their cost. */
    private static final class Waiting {
        final Path file;
        final List<Runnable> jobs = new ArrayList<>();
        long cost;
        final int order;

        Waiting(Path file, int order) {
            this.file = file;
            this.order = order;
        }
    }

    private final java.util.Map<Path, Waiting> waiting = new java.util.LinkedHashMap<>();
    /** Whether images start as soon as they are asked for (set at construction from {@link #largestFirst}). */
    private boolean started = !largestFirst;

    /**
     * Starts the images asked for so far (with {@link #largestFirst}), the file with the most work
     * first; images asked for later start at once.
     */
    synchronized void start() {
        if (started) return;
        started = true;
        List<Waiting> files = new ArrayList<>(waiting.values());
        waiting.clear();
        files.sort(java.util.Comparator.comparingLong((Waiting w) -> -w.cost).thenComparingInt(w -> w.order));
        for (Waiting w : files)
            pool.execute(() -> {
                WORKER.set(true);
                for (Runnable r : w.jobs) r.run();
                done(w.file);
            });
    }

    /**
     * Forgets what {@code file}'s images left for a next one (its memo of function runs, the front end's
     * preamble of its headers): its last image was analysed. Held to the end of the review, a long series'
     * files would keep hundreds of megabytes of tokens live, which every young collection copies again.
     */
    private void done(Path file) {
        synchronized (memos) {
            memos.remove(file);
        }
        if (fe instanceof dev.mmlint.frontend.CdtFrontend c) c.forgetPreamble(file);
    }

    /** The last analysis scheduled of each file, while {@link #chain} is on. */
    private final java.util.Map<Path, CompletableFuture<Image>> lastOf = new java.util.HashMap<>();
    /** Whether the current thread is one of the pool's, running an analysis (or what it completed). */
    private static final ThreadLocal<Boolean> WORKER = ThreadLocal.withInitial(() -> false);

    private synchronized CompletableFuture<Image> schedule(Path asFile, long size, java.util.function.Supplier<Image> job) {
        if (!started) {
            CompletableFuture<Image> f = new CompletableFuture<>();
            Waiting w = waiting.computeIfAbsent(asFile, k -> new Waiting(k, waiting.size()));
            w.cost += size + IMAGE_COST;
            w.jobs.add(() -> {
                try {
                    f.complete(job.get());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
            return f;
        }
        java.util.function.Supplier<Image> onWorker = () -> {
            WORKER.set(true);
            return job.get();
        };
        CompletableFuture<Image> prev = CHAIN ? lastOf.get(asFile) : null;
        CompletableFuture<Image> f = prev == null || prev.isDone() ? CompletableFuture.supplyAsync(onWorker, pool)
                // run by the thread that completes the previous image, straight after it: no other
                // file's parse comes between (the preamble is still the most recent one)
                : prev.handle((x, e) -> null).thenApplyAsync(x -> onWorker.get(),
                        r -> { if (WORKER.get()) r.run(); else pool.execute(r); });
        if (CHAIN) lastOf.put(asFile, f);
        return f;
    }

    /** Images asked for, and those parsed and analysed (the rest were shared). */
    int requested() { return requested.get(); }

    int analysed() { return analysed.get(); }

    /** Time spent parsing and analysing images, summed over the pool's threads. */
    long nanos() { return nanos.get(); }

    /** Of that, the time spent parsing. */
    long parseNanos() { return parseNanos.get(); }

    private Image analyse(Path asFile, String display, String text) {
        long t0 = System.nanoTime();
        analysed.incrementAndGet();
        try {
            ParsedUnit u;
            try {
                u = fe.parseText(asFile, display, text);
                parseNanos.addAndGet(System.nanoTime() - t0);
            } catch (InputException | RuntimeException e) {
                return new Image(List.of(), List.of(), e instanceof InputException ie ? ie.diagnostic().message() : e.toString());
            }
            // a file's images run in order (CHAIN): each is analysed after the previous one, re-using the runs
            // of the functions the patch left alone
            UnitAnalyzer.Memo memo = CHAIN ? memo(asFile) : null;
            List<Classification.Keyed> keyed = Reviewer.keyed(u, engine.analyze(u, memo).findings(), null);
            List<Function> fns = new ArrayList<>();
            for (IASTFunctionDefinition fd : u.functions()) {
                var loc = fd.getFileLocation();
                fns.add(loc == null ? new Function(Reviewer.name(fd), 0, -1)
                        : new Function(Reviewer.name(fd), loc.getStartingLineNumber(), loc.getEndingLineNumber()));
            }
            return new Image(List.copyOf(keyed), List.copyOf(fns), null);
        } finally {
            nanos.addAndGet(System.nanoTime() - t0);
        }
    }
}
