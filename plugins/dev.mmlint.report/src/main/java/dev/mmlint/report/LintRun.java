package dev.mmlint.report;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.UnitAnalyzer;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.Budget;
import dev.mmlint.frontend.BudgetExceededException;
import dev.mmlint.frontend.Budgets;
import dev.mmlint.frontend.CdtFrontend;
import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.Frontends;
import dev.mmlint.frontend.InputException;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.SourceWalker;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.report.cache.ResultCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * One headless lint run, shared by the CLI, the Maven plugin and the review tool: expand the paths,
 * plan a front end per file (kernel tree, compile_commands.json, or fragment), parse and analyse in
 * parallel, and collect findings and what could not be analysed. The result is sorted and does not
 * depend on the number of jobs.
 */
public final class LintRun {
    /**
     * @param model     the reference model (the shipped rules, or rule files the user named)
     * @param progress  called with the number of files done so far (may be null)
     */
    public record Options(FrontendOptions frontend, Engine.Options engine, ReferenceModel model, int jobs, IntConsumer progress,
                          ResultCache cache) {
        /** Without a result cache. */
        public Options(FrontendOptions frontend, Engine.Options engine, ReferenceModel model, int jobs, IntConsumer progress) {
            this(frontend, engine, model, jobs, progress, null);
        }

        /** The same with this persistent result cache (null: none). */
        public Options withCache(ResultCache c) { return new Options(frontend, engine, model, jobs, progress, c); }

        public static Options defaults() {
            return new Options(FrontendOptions.defaults(), Engine.Options.defaults(), null, Runtime.getRuntime().availableProcessors(), null);
        }
    }

    /** Per-file outcome, kept so that callers (coverage, review) can look at functions too. */
    public record FileResult(Path file, String displayPath, UnitAnalyzer.Result result, Diagnostic error, List<Diagnostic> problems) {}

    public record Outcome(List<Finding> findings, List<Diagnostic> notAnalysed, List<FileResult> files, int filesAnalysed, Engine engine) {}

    private LintRun() {}

    /** The number of files {@code paths} expand to (for a progress bar's total). */
    public static int count(List<Path> paths) {
        return SourceWalker.expand(paths, false).files().size();
    }

    public static Outcome run(List<Path> paths, Options o) {
        return run(paths, o, p -> false);
    }

    /** A run that leaves out the files {@code exclude} accepts (settings' path excludes); they are not read at all. */
    public static Outcome run(List<Path> paths, Options o, java.util.function.Predicate<Path> exclude) {
        // the shipped rules are loaded when a file is first analysed (never, when the cache has every file)
        Engine engine = o.model() == null ? Mmlint.shippedEngine(o.engine()) : Mmlint.engine(o.engine(), o.model());
        Phases.mark("engine");
        SourceWalker.Result walked = SourceWalker.expand(paths, false);
        Phases.mark("walk");
        List<Diagnostic> notAnalysed = new ArrayList<>(walked.diagnostics());
        List<FileResult> results = new ArrayList<>();
        List<Path> files = walked.files().stream().filter(exclude.negate()).toList();
        try (Frontends.Plan plan = Frontends.forPaths(files, o.frontend())) {
            notAnalysed.addAll(plan.diagnostics());
            Phases.mark("plan");
            ExecutorService ex = Executors.newFixedThreadPool(Math.max(1, o.jobs()));
            try {
                int[] done = {0};
                Runnable progress = () -> {
                    if (o.progress() != null) synchronized (done) { o.progress().accept(++done[0]); }
                };
                List<Frontends.Planned> order = largestFirst(plan.files());
                // the persistent cache is asked first, so that the files to parse are known: the last one to start
                // records nothing for later ones (CdtFrontend.recordInclusions)
                List<ResultCache.Lookup> lookups = new ArrayList<>(java.util.Collections.nCopies(order.size(), null));
                if (o.cache() != null) {
                    List<Future<ResultCache.Lookup>> ls = new ArrayList<>();
                    for (Frontends.Planned p : order) ls.add(ex.submit(() -> o.cache().lookup(p.file(), p.frontend(), engine::derivedFacts)));
                    for (int i = 0; i < order.size(); i++) lookups.set(i, ls.get(i).get());
                }
                java.util.concurrent.atomic.AtomicInteger toStart = new java.util.concurrent.atomic.AtomicInteger(
                        (int) lookups.stream().filter(l -> l == null || l.hit == null).count());
                // the shipped rules, loaded on a worker of their own while the first files are parsed (otherwise the
                // first analysis waits for them): what a run that parses one file spends on them is then hidden
                if (o.model() == null && toStart.get() > 0) ex.submit(Mmlint::shippedModel);
                List<Future<FileResult>> fs = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    Frontends.Planned p = order.get(i);
                    ResultCache.Lookup l = lookups.get(i);
                    if (l != null && l.hit != null) {
                        fs.add(java.util.concurrent.CompletableFuture.completedFuture(
                                new FileResult(p.file(), l.hit.displayPath(), l.hit.result(), null, l.hit.problems())));
                        progress.run();
                        continue;
                    }
                    fs.add(ex.submit(() -> {
                        boolean before = CdtFrontend.recordInclusions(toStart.decrementAndGet() > 0);
                        try {
                            return analyse(p, engine, o.frontend().budgets(), o.cache(), l);
                        } finally {
                            CdtFrontend.recordInclusions(before);
                            progress.run();
                        }
                    }));
                }
                for (Future<FileResult> f : fs) results.add(f.get());
                if (o.cache() != null) o.cache().saveStamps();
                Phases.mark("files");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                ex.shutdownNow();
            }
        }
        results.sort(Comparator.comparing(FileResult::displayPath));
        List<Finding> findings = new ArrayList<>();
        int analysed = 0;
        for (FileResult r : results) {
            if (r.error() != null) notAnalysed.add(r.error());
            else {
                analysed++;
                findings.addAll(r.result().findings());
            }
        }
        findings.sort(Finding.ORDER);
        notAnalysed.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line).thenComparing(Diagnostic::message));
        Phases.mark("collect");
        return new Outcome(List.copyOf(findings), List.copyOf(notAnalysed), List.copyOf(results), analysed, engine);
    }

    /**
     * The files in decreasing size: the largest take longest, started first they do not leave one
     * worker busy at the end while the others idle. Results are sorted afterwards.
     */
    private static List<Frontends.Planned> largestFirst(List<Frontends.Planned> files) {
        Map<Path, Long> size = new java.util.HashMap<>();
        for (Frontends.Planned p : files) {
            long n;
            try {
                n = java.nio.file.Files.size(p.file());
            } catch (java.io.IOException | RuntimeException e) {
                n = 0;
            }
            size.put(p.file(), n);
        }
        List<Frontends.Planned> r = new ArrayList<>(files);
        r.sort(Comparator.comparing((Frontends.Planned p) -> size.get(p.file())).reversed());
        return r;
    }

    private static FileResult analyse(Frontends.Planned p, Engine engine, Budgets budgets, ResultCache cache, ResultCache.Lookup l) {
        String display = p.frontend().displayPath(p.file());
        Budget budget = Budget.start(display, budgets);
        try (Budget.Scope s = budget.open()) {
            ParsedUnit u = p.frontend().parse(p.file());
            UnitAnalyzer.Result r = engine.analyze(u);
            budget.throwIfExceeded();
            if (cache != null) cache.store(l, u, new ResultCache.Entry(u.displayPath(), r, u.problems()));
            return new FileResult(p.file(), u.displayPath(), r, null, u.problems());
        } catch (InputException e) {
            return new FileResult(p.file(), display, null, e.diagnostic(), List.of());
        } catch (BudgetExceededException e) {
            return new FileResult(p.file(), display, null, notAnalysed(display, e), List.of());
        } catch (OutOfMemoryError e) {
            return new FileResult(p.file(), display, null, notAnalysed(display, new BudgetExceededException(
                    "memory budget exceeded (the heap ran out)", null, 0)), List.of());
        } catch (RuntimeException | StackOverflowError e) {
            return new FileResult(p.file(), display, null, Diagnostic.error(display, 0, "internal error while analysing: " + e), List.of());
        }
    }

    /** What a file (or function) over its budget is reported as; {@link #overBudget} recognises it. */
    public static Diagnostic notAnalysed(String display, BudgetExceededException e) {
        return Diagnostic.error(display, e.line(), NOT_ANALYSED + e.reason());
    }

    static final String NOT_ANALYSED = "not analysed: ";

    /** Whether {@code d} says a budget ran out. */
    public static boolean overBudget(Diagnostic d) {
        return d.message().startsWith(NOT_ANALYSED) && d.message().contains("budget exceeded");
    }

    /** The text of each clause's applicability, for the formats' rule tables. */
    public static Map<String, String> clauseTable(ReferenceModel model) {
        Map<String, String> m = new TreeMap<>();
        model.clauses().forEach(c -> m.put(c.id(), c.applicabilityText()));
        return m;
    }
}
