package dev.mmlint.cli;

import dev.mmlint.checks.Checks;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.report.Baseline;
import dev.mmlint.report.CheckRun;
import dev.mmlint.report.Formats;
import dev.mmlint.report.Formatter;
import dev.mmlint.report.LintRun;
import dev.mmlint.report.RunResult;
import dev.mmlint.report.Settings;
import dev.mmlint.report.cache.ResultCache;
import dev.mmlint.report.cache.ToolFingerprint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mmlint check PATH…}: lint kernel trees, subdirectories, files or lone fragments.
 * Exit status: 0 no finding at or above --fail-on, 1 findings, 2 invalid invocation or nothing analysed,
 * 3 a time or memory budget ran out (some files or functions not analysed; findings reported as usual).
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Report struct page / folio misuse in kernel C.",
                "PATH is a kernel tree, a directory inside one, .c files, or lone fragments (no tree around them)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings", "2:invalid invocation, or nothing could be analysed",
                "3:a budget ran out: some files or functions were not analysed (findings are reported as usual)"})
public final class CheckCommand implements Callable<Integer> {
    @Mixin FrontendArgs in;

    @Option(names = "--format", paramLabel = "FMT", description = "text (default), json, sarif, github (workflow commands)")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Option(names = "--enable", split = ",", paramLabel = "MMnnn", description = "run only these rules")
    List<String> enable;

    @Option(names = "--disable", split = ",", paramLabel = "MMnnn", description = "do not run these rules")
    List<String> disable;

    @Option(names = "--rules", paramLabel = "FILE|DIR", description = "rule files (.mmr) to use instead of the shipped rules/")
    List<Path> rules;

    @Option(names = "--confirmed-only", description = "report only findings the reference model confirmed")
    boolean confirmedOnly;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "lowest severity that makes the exit status 1 (default: note)")
    String failOn = "note";

    @Option(names = "--baseline", paramLabel = "FILE", description = "report only findings not in this baseline (SARIF: all, with baselineState)")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "write the current findings to this baseline file")
    Path writeBaseline;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "mmlint settings (default: the nearest " + Settings.FILE_NAME + " above the first PATH, up to the repository root)")
    Path settingsFile;

    @Option(names = "--no-settings", description = "ignore " + Settings.FILE_NAME + " files")
    boolean noSettings;

    @Option(names = "--no-cache", description = "neither use nor write the result cache ($MMLINT_CACHE/results, default ~/.cache/mmlint/results)")
    boolean noCache;

    @Option(names = "--cache-stats", hidden = true, description = "print the result cache's hits and misses on stderr")
    boolean cacheStats;

    @Option(names = {"-q", "--quiet"}, description = "no progress on the terminal")
    boolean quiet;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        dev.mmlint.report.Phases.mark("start-up");
        Set<String> ids = Checks.all().stream().map(c -> c.info().id()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> enabled = new LinkedHashSet<>(enable == null ? ids : enable);
        if (disable != null) enabled.removeAll(disable);
        for (String r : concat(enable, disable))
            if (!ids.contains(r)) return usage(err, "unknown rule '" + r + "' (known: " + String.join(", ", ids) + ")");
        Severity failSeverity;
        try {
            failSeverity = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Formatter formatter;
        try {
            formatter = Formats.forName(format);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (in.paths == null || in.paths.isEmpty()) return usage(err, "no PATH given");
        for (Path p : in.paths) if (!Files.exists(p)) return usage(err, "no such file or directory: " + p);
        if (in.config != null && !Files.isRegularFile(in.config)) return usage(err, "--config: no such file: " + in.config);
        if (in.jobs < 1) return usage(err, "--jobs must be at least 1");
        Baseline base = null;
        if (baseline != null) {
            try {
                base = Baseline.read(baseline);
            } catch (Baseline.BaselineException e) {
                return usage(err, "--baseline: " + e.getMessage());
            }
        }
        Settings settings = Settings.none();
        Path sf = settingsFile != null ? settingsFile : noSettings ? null : Settings.find(in.paths.get(0));
        if (settingsFile != null && !Files.isRegularFile(settingsFile)) return usage(err, "--settings: no such file: " + settingsFile);
        if (sf != null) {
            try {
                settings = Settings.read(sf, ids);
            } catch (Settings.SettingsException e) {
                return usage(err, e.getMessage());
            }
        }
        ReferenceModel model;
        try {
            // the shipped rules: loaded by the run when a file is analysed (not when every file comes from the cache)
            model = rules == null ? null : RulesCommand.model(rules, err);
        } catch (IllegalArgumentException | IOException e) {
            return usage(err, e.getMessage());
        }
        dev.mmlint.report.Phases.mark("model");
        ResultCache cache = null;
        if (!noCache) {
            try {
                cache = new ResultCache(ResultCache.defaultDir(), ResultCache.rulesFingerprint(rules == null ? null : RulesCommand.ruleFiles(rules)),
                        ToolFingerprint.current() + " " + Main.VERSION, in.paths);
            } catch (IOException e) {
                err.println("mmlint: note: result cache not used: " + e.getMessage());
            }
        }
        dev.mmlint.report.Phases.mark("cache keys");
        boolean tty = !quiet && System.console() != null;
        int total = tty ? LintRun.count(in.paths) : 0;
        RunResult run = CheckRun.execute(in.paths, in.options(), enabled, enable != null, confirmedOnly, settings, base, model,
                in.jobs, tty && total > 1 ? progressBar(err, total) : null, Main.VERSION, cache);
        if (cache != null) {
            for (String n : cache.notes()) err.println("mmlint: note: " + n);
            if (cacheStats) err.println("mmlint: result cache: " + cache.hits() + " hits, " + cache.misses() + " misses, "
                    + cache.stored() + " stored (" + cache.dir() + ")");
        }
        if (tty && total > 1) {
            err.print("\r\033[K");
            err.flush();
        }
        if (writeBaseline != null) Baseline.write(writeBaseline, run.findings());
        try (Writer w = output == null ? new NonClosingWriter(spec.commandLine().getOut())
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            formatter.write(run, w);
        }
        dev.mmlint.report.Phases.mark("report");
        dev.mmlint.report.Phases.print(err);
        if (output != null || format.equals("json") || format.equals("sarif")) for (var d : run.notAnalysed()) err.println(d);
        err.flush();
        if (run.filesAnalysed() == 0) {
            err.println("mmlint: nothing could be analysed");
            err.flush();
            return run.overBudget() ? CheckRun.EXIT_OVER_BUDGET : 2;
        }
        if (run.overBudget()) return CheckRun.EXIT_OVER_BUDGET;
        return CheckRun.fails(run, failSeverity) ? 1 : 0;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>();
        if (a != null) r.addAll(a);
        if (b != null) r.addAll(b);
        return r;
    }

    private static int usage(PrintWriter err, String msg) {
        err.println("mmlint check: " + msg);
        err.flush();
        return 2;
    }

    /** A progress bar on the terminal: files done of total, rate and estimated time left. */
    private static java.util.function.IntConsumer progressBar(PrintWriter err, int total) {
        long start = System.nanoTime();
        return done -> {
            double secs = (System.nanoTime() - start) / 1e9;
            double rate = secs > 0 ? done / secs : 0;
            long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
            int width = 30, filled = done * width / total;
            err.print(String.format("\r[%s%s] %d/%d files, %.1f files/s, ETA %d:%02d", "#".repeat(filled), " ".repeat(width - filled),
                    done, total, rate, eta / 60, eta % 60));
            err.flush();
        };
    }

    static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer w) { super(w); }
        @Override public void close() throws IOException { flush(); }
    }
}
