package dev.mmlint.maven;

import dev.mmlint.checks.Checks;
import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.frontend.Budgets;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.report.Baseline;
import dev.mmlint.report.CheckRun;
import dev.mmlint.report.cache.ResultCache;
import dev.mmlint.report.cache.ToolFingerprint;
import dev.mmlint.report.Formats;
import dev.mmlint.report.Formatter;
import dev.mmlint.report.RunResult;
import dev.mmlint.report.Settings;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lint the kernel C of a project (a kernel tree, or directories of mm C) and write the reports to
 * {@code target/} ({@code mmlint.sarif} by default). Findings are logged as
 * {@code [WARNING] file:line:col: message [MMnnn]}; new findings fail the build unless
 * {@code failOnViolation} is false. Nothing is written into the analysed sources.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public final class CheckMojo extends AbstractMojo {
    private static final String VERSION = "0.1.0-SNAPSHOT";

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** Directories or files to lint (default: {@code src/main/c}, or the kernel tree when given). */
    @Parameter(property = "mmlint.sourceRoots")
    List<File> sourceRoots;

    /** A kernel tree to lint (its top Makefile gives the version). */
    @Parameter(property = "mmlint.kernelTree")
    File kernelTree;

    /** Only these rules (MMnnn); default all. */
    @Parameter(property = "mmlint.rules")
    List<String> rules;

    /** Report only findings not in this baseline (written by {@code mmlint check --write-baseline}). */
    @Parameter(property = "mmlint.baseline")
    File baseline;

    /** Report formats written to the output directory: sarif, json, text, github. */
    @Parameter(property = "mmlint.formats", defaultValue = "sarif")
    List<String> formats;

    @Parameter(property = "mmlint.outputDirectory", defaultValue = "${project.build.directory}")
    File outputDirectory;

    @Parameter(property = "mmlint.failOnViolation", defaultValue = "true")
    boolean failOnViolation;

    /** Lowest severity that fails the build: note, warning, error. */
    @Parameter(property = "mmlint.failOn", defaultValue = "note")
    String failOn;

    @Parameter(property = "mmlint.skip", defaultValue = "false")
    boolean skip;

    /** Kernel version of lone fragments (X.Y), when there is no tree to read it from. */
    @Parameter(property = "mmlint.kernelVersion")
    String kernelVersion;

    /** Kconfig .config to use. */
    @Parameter(property = "mmlint.config")
    File config;

    /** mmlint settings (.mmlint.json); default: the nearest one above the first source root. */
    @Parameter(property = "mmlint.settings")
    File settings;

    @Parameter(property = "mmlint.jobs", defaultValue = "1")
    int jobs;

    /** Time one file may take (parse and analysis): 60s, 500ms, 2m, off; default: the settings', else 60s. */
    @Parameter(property = "mmlint.timeBudget")
    String timeBudget;

    /** Time one function's analysis may take; default: the settings', else 10s. */
    @Parameter(property = "mmlint.functionBudget")
    String functionBudget;

    /** Heap one file may hold: 50% (of the maximum heap), 2g, 512m, off; default: the settings', else 50%. */
    @Parameter(property = "mmlint.memoryBudget")
    String memoryBudget;

    /** Fail the build when a budget ran out (some files or functions were not analysed). */
    @Parameter(property = "mmlint.failOnBudget", defaultValue = "true")
    boolean failOnBudget;

    /**
     * Keep each file's result in the persistent cache ($MMLINT_CACHE/results, default ~/.cache/mmlint/results) and
     * re-use it while the file, its headers, the config, the rules and mmlint are unchanged; false: neither read nor write it.
     */
    @Parameter(property = "mmlint.useCache", defaultValue = "true")
    boolean useCache;

    @Override public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mmlint: skipped");
            return;
        }
        Set<String> ids = Checks.all().stream().map(c -> c.info().id()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (rules != null) for (String r : rules)
            if (!ids.contains(r)) throw new MojoExecutionException("mmlint: unknown rule '" + r + "' (known: " + String.join(", ", ids) + ")");
        for (String f : formats) {
            try {
                Formats.forName(f);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("mmlint: " + e.getMessage());
            }
        }
        Severity failSeverity;
        try {
            failSeverity = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mmlint: " + e.getMessage());
        }
        List<Path> paths = new ArrayList<>();
        if (sourceRoots != null && !sourceRoots.isEmpty()) sourceRoots.forEach(f -> paths.add(f.toPath()));
        else if (kernelTree != null) paths.add(kernelTree.toPath());
        else paths.add(basedir.toPath().resolve("src/main/c"));
        for (Path p : paths) if (!Files.exists(p)) throw new MojoExecutionException("mmlint: no such file or directory: " + p);
        FrontendOptions fo = FrontendOptions.defaults().withConfig(config == null ? null : config.toPath());
        if (kernelVersion != null && !kernelVersion.isBlank()) {
            try {
                fo = fo.withKernelVersion(KernelVersion.parse(kernelVersion));
            } catch (RuntimeException e) {
                throw new MojoExecutionException("mmlint: bad kernelVersion '" + kernelVersion + "': " + e.getMessage());
            }
        }
        try {
            fo = fo.withBudgets(new Budgets(timeBudget == null || timeBudget.isBlank() ? null : Budgets.parseTime(timeBudget),
                    functionBudget == null || functionBudget.isBlank() ? null : Budgets.parseTime(functionBudget),
                    memoryBudget == null || memoryBudget.isBlank() ? null : Budgets.parseMemory(memoryBudget)));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mmlint: budget: " + e.getMessage());
        }
        Baseline base = null;
        if (baseline != null) {
            try {
                base = Baseline.read(baseline.toPath());
            } catch (Baseline.BaselineException e) {
                throw new MojoExecutionException("mmlint: baseline: " + e.getMessage());
            }
        }
        Settings st = Settings.none();
        Path sf = settings != null ? settings.toPath() : Settings.find(paths.get(0));
        if (sf != null) {
            try {
                st = Settings.read(sf, ids);
            } catch (Settings.SettingsException e) {
                throw new MojoExecutionException("mmlint: " + e.getMessage());
            }
        }
        ReferenceModel model = Mmlint.shippedModel();
        ResultCache cache = null;
        if (useCache) {
            try {
                cache = new ResultCache(ResultCache.defaultDir(), ResultCache.rulesFingerprint(null), ToolFingerprint.current() + " " + VERSION, paths);
            } catch (java.io.IOException e) {
                getLog().info("mmlint: result cache not used: " + e.getMessage());
            }
        }
        RunResult run = CheckRun.execute(paths, fo, rules == null || rules.isEmpty() ? ids : new LinkedHashSet<>(rules),
                rules != null && !rules.isEmpty(), false, st, base, model, jobs, null, VERSION, cache);
        if (cache != null) {
            for (String n : cache.notes()) getLog().info("mmlint: " + n);
            getLog().debug("mmlint: result cache: " + cache.hits() + " hits, " + cache.misses() + " misses");
        }
        for (Finding f : run.newFindings())
            getLog().warn(f.file() + ":" + f.line() + ":" + f.column() + ": " + f.message() + " [" + f.ruleId() + "]");
        for (var d : run.notAnalysed()) getLog().warn("not analysed: " + d);
        for (var d : run.completeness().notes()) getLog().info(d.toString());
        try {
            Files.createDirectories(outputDirectory.toPath());
            for (String name : formats) {
                Path out = outputDirectory.toPath().resolve("mmlint." + Formats.extension(name));
                Formatter f = Formats.forName(name);
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    f.write(run, w);
                }
                getLog().info("mmlint: " + name + " report in " + out);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("mmlint: cannot write the report: " + e.getMessage(), e);
        }
        int n = run.newFindings().size();
        getLog().info("mmlint: " + n + (base == null ? "" : " new") + (n == 1 ? " finding" : " findings") + " in "
                + run.filesAnalysed() + (run.filesAnalysed() == 1 ? " file" : " files")
                + (base == null ? "" : " (" + (run.findings().size() - n) + " in the baseline)")
                + (run.overBudget() ? ", " + run.completeness().overBudget() + " file(s) or function(s) over budget, not analysed" : ""));
        if (run.overBudget() && failOnBudget)
            throw new MojoFailureException("mmlint: a budget ran out, some files or functions were not analysed (see the warnings above;"
                    + " raise timeBudget, functionBudget or memoryBudget, or set failOnBudget to false)");
        if (run.filesAnalysed() == 0) throw new MojoExecutionException("mmlint: nothing could be analysed");
        if (failOnViolation && CheckRun.fails(run, failSeverity))
            throw new MojoFailureException("mmlint: " + n + (n == 1 ? " finding" : " findings") + " (see the warnings above and "
                    + outputDirectory.toPath().resolve("mmlint.sarif") + ")");
    }
}
