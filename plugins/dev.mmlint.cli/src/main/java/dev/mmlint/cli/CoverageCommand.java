package dev.mmlint.cli;

import dev.mmlint.frontend.BuildStatus;
import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.frontend.Frontend;
import dev.mmlint.frontend.Frontends;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.InputException;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.SourceWalker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mmlint coverage PATH...}: how much of each file the analysis can see. Prints one row per
 * file, the functions that are not clean (with why), what could not be analysed, and ends with
 * exactly one summary line:
 * {@code functions: N analysed, C clean, P partial, S skipped (X.Y% clean)}.
 *
 * <p>Files the kernel build does not compile under the Kconfig in use (see
 * {@link dev.mmlint.frontend.BuildStatus}) are parsed and analysed all the same, marked
 * {@code not built} in the table with why, and counted on a line of their own just before the
 * summary: {@code not built under this config: F files, G functions (c clean, p partial, s skipped;
 * not counted below)}. The summary line counts the other files only, so its percentage is over
 * the code the configuration builds (or that mmlint cannot tell is not built).
 * Output is identical for any --jobs. Exit status: 0, or 1 when some input could not be analysed.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Report, per file and function, what the front-end could parse cleanly.")
public final class CoverageCommand implements Callable<Integer> {
    @Mixin FrontendArgs args;

    @Option(names = {"-q", "--quiet"}, description = "only the per-file table and the summary line")
    boolean quiet;

    @Spec CommandSpec spec;

    private record FileResult(String display, List<FunctionCoverage> coverage, List<Diagnostic> problems, Diagnostic failure,
                              BuildStatus build) {
        boolean notBuilt() { return build != null && build.isNotBuilt(); }
    }

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceWalker.Result walked = SourceWalker.expand(args.paths, args.headers);
        List<Diagnostic> notAnalysed = new ArrayList<>(walked.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList());
        walked.diagnostics().stream().filter(d -> d.severity() != Diagnostic.Severity.ERROR).forEach(d -> err.println(d));
        List<FileResult> results = new ArrayList<>();
        try (Frontends.Plan plan = Frontends.forPaths(walked.files(), args.options())) {
            notAnalysed.addAll(plan.diagnostics());
            Set<String> contexts = new LinkedHashSet<>();
            for (Frontend f : plan.frontends()) {
                var c = f.context();
                contexts.add("context: kernel " + (c.version() == null ? "unknown" : c.version()) + " (" + c.versionSource()
                        + "); Kconfig: " + c.config().source());
            }
            if (!quiet) contexts.forEach(out::println);
            ExecutorService ex = Executors.newFixedThreadPool(Math.max(1, args.jobs));
            try {
                // largest files first, so that no big file is left to run alone at the end; results in walk order
                List<Frontends.Planned> planned = plan.files();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < planned.size(); i++) order.add(i);
                long[] size = new long[planned.size()];
                for (int i = 0; i < size.length; i++) size[i] = planned.get(i).file().toFile().length();
                order.sort((a, b) -> Long.compare(size[b], size[a]));
                List<Future<FileResult>> fs = new ArrayList<>(java.util.Collections.nCopies(planned.size(), null));
                for (int i : order) fs.set(i, ex.submit(() -> analyse(planned.get(i), args.budgets())));
                for (Future<FileResult> f : fs) results.add(f.get());
            } finally {
                ex.shutdownNow();
            }
        }
        int n = 0, clean = 0, partial = 0, skipped = 0;
        int nbFiles = 0, nbN = 0, nbClean = 0, nbPartial = 0, nbSkipped = 0;
        int w = Math.max(4, results.stream().mapToInt(r -> r.display.length()).max().orElse(4));
        out.printf("%-" + w + "s %9s %6s %7s %7s%n", "file", "functions", "clean", "partial", "skipped");
        for (FileResult r : results) {
            if (r.failure != null) {
                notAnalysed.add(r.failure);
                out.printf("%-" + w + "s %9s%n", r.display, "not analysed");
                continue;
            }
            // for a file that is not built: what the parse gave, as if it were
            int c = count(r.coverage, FunctionCoverage.Status.CLEAN), p = count(r.coverage, FunctionCoverage.Status.PARTIAL),
                    s = count(r.coverage, FunctionCoverage.Status.SKIPPED);
            out.printf("%-" + w + "s %9d %6d %7d %7d%s%n", r.display, r.coverage.size(), c, p, s, r.notBuilt() ? "  not built" : "");
            if (r.notBuilt()) {
                nbFiles++;
                nbN += r.coverage.size();
                nbClean += c;
                nbPartial += p;
                nbSkipped += s;
                continue;
            }
            n += r.coverage.size();
            clean += c;
            partial += p;
            skipped += s;
        }
        if (!quiet) {
            for (FileResult r : results) {
                if (r.failure != null) continue;
                if (r.notBuilt()) out.printf("%s: not built: %s%n", r.display, r.build.reason());
                for (FunctionCoverage fc : r.coverage) {
                    // a clean function may carry a note (a fragment's names inferred): shown as a note
                    if (fc.parseStatus() == FunctionCoverage.Status.CLEAN && fc.parseReasons().isEmpty()) continue;
                    out.printf("%s:%d: %s: %s: %s%n", r.display, fc.line(),
                            (r.notBuilt() ? "not built, " : "") + fc.parseStatus().name().toLowerCase(), fc.name(),
                            String.join("; ", fc.parseReasons()));
                }
                for (Diagnostic d : r.problems) out.println(d);
            }
        }
        if (!notAnalysed.isEmpty()) {
            out.println("not analysed: " + notAnalysed.size() + " input(s)");
            for (Diagnostic d : notAnalysed) out.println(d);
        }
        if (nbFiles > 0)
            out.printf("not built under this config: %d file%s, %d functions (%d clean, %d partial, %d skipped; not counted below)%n",
                    nbFiles, nbFiles == 1 ? "" : "s", nbN, nbClean, nbPartial, nbSkipped);
        double pct = n == 0 ? 0 : 100.0 * clean / n;
        out.printf("functions: %d analysed, %d clean, %d partial, %d skipped (%.1f%% clean)%n", n, clean, partial, skipped, pct);
        out.flush();
        return notAnalysed.isEmpty() ? 0 : 1;
    }

    private static int count(List<FunctionCoverage> l, FunctionCoverage.Status s) {
        return (int) l.stream().filter(f -> f.parseStatus() == s).count();
    }

    private static FileResult analyse(Frontends.Planned p, dev.mmlint.frontend.Budgets budgets) {
        String display = p.frontend().displayPath(p.file());
        try (dev.mmlint.frontend.Budget.Scope s = dev.mmlint.frontend.Budget.start(display, budgets).open()) {
            ParsedUnit u = p.frontend().parse(p.file());
            return new FileResult(u.displayPath(), u.coverageAcrossVariants(), u.problems(), null, u.build());
        } catch (InputException e) {
            return new FileResult(display, List.of(), List.of(), e.diagnostic(), null);
        } catch (dev.mmlint.frontend.BudgetExceededException e) {
            return new FileResult(display, List.of(), List.of(), dev.mmlint.report.LintRun.notAnalysed(display, e), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileResult(display, List.of(), List.of(), Diagnostic.error(display, 0, "internal error: " + e), null);
        }
    }
}
