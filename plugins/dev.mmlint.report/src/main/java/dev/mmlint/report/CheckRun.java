package dev.mmlint.report;

import dev.mmlint.engine.Engine;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.report.cache.ResultCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * What {@code mmlint check} and the Maven plugin's {@code check} goal share: settings (rules on/off,
 * severities, excludes, suppressions) applied around one {@link LintRun}, then the baseline.
 */
public final class CheckRun {
    private CheckRun() {}

    /**
     * @param enabled    the rules to run before the settings are applied (null: all)
     * @param explicit   whether {@code enabled} was named by the user (then settings cannot turn those off)
     * @param baseline   null when none was given
     * @param model      null: the shipped rules (loaded only when needed)
     */
    public static RunResult execute(List<Path> paths, FrontendOptions frontend, Set<String> enabled, boolean explicit,
                                    boolean confirmedOnly, Settings settings, Baseline baseline, ReferenceModel model,
                                    int jobs, IntConsumer progress, String toolVersion) {
        return execute(paths, frontend, enabled, explicit, confirmedOnly, settings, baseline, model, jobs, progress, toolVersion, null);
    }

    /**
     * The same with a persistent result cache (null: none), keyed here also by the settings that change
     * a file's result (the rules that run, their severities, --confirmed-only, the front end's options).
     */
    public static RunResult execute(List<Path> paths, FrontendOptions frontend, Set<String> enabled, boolean explicit,
                                    boolean confirmedOnly, Settings settings, Baseline baseline, ReferenceModel model,
                                    int jobs, IntConsumer progress, String toolVersion, ResultCache cache) {
        Set<String> on = new java.util.LinkedHashSet<>(enabled);
        if (!explicit) on.removeAll(settings.disabled());
        Map<String, Severity> sev = settings.severities();
        // budgets: the command line's, then the settings', then the defaults
        FrontendOptions fo = frontend.withBudgets(frontend.budgets().orElse(settings.budgets()));
        LintRun.Options o = new LintRun.Options(fo, new Engine.Options(on, sev, confirmedOnly), model, Math.max(1, jobs), progress);
        if (cache != null) o = o.withCache(cache.keyedBy(cacheKey(on, sev, confirmedOnly, fo)));
        LintRun.Outcome out = LintRun.run(paths, o, settings::excludes);
        java.util.function.Supplier<RunResult.ModelTables> tables =
                () -> RunResult.ModelTables.of(model != null ? model : dev.mmlint.checks.Mmlint.shippedModel());
        RunResult all = RunResult.of(out, o.cache() != null ? o.cache().memo("model-tables", RunResult.ModelTables.class, tables)
                : tables.get(), toolVersion);
        List<Finding> kept = out.findings().stream().filter(f -> !settings.suppressed(f)).toList();
        RunResult run = new RunResult(kept, all.notAnalysed(), all.rules(), all.clauses(), Map.of(), List.of(),
                all.filesAnalysed(), toolVersion, all.ruleClauses(), all.completeness());
        return baseline == null ? run : run.withBaseline(baseline);
    }

    /** The settings of a run that change a file's result, as cache key parts (sorted: order does not matter). */
    static List<String> cacheKey(Set<String> on, Map<String, Severity> sev, boolean confirmedOnly, FrontendOptions fo) {
        List<String> k = new java.util.ArrayList<>();
        k.add("rules-on:" + new java.util.TreeSet<>(on));
        k.add("severities:" + new java.util.TreeMap<>(sev));
        k.add("confirmed-only:" + confirmedOnly);
        k.add("config:" + fo.config() + " kernel-version:" + fo.kernelVersion() + " header-bodies:" + fo.headerBodies()
                + " gen:" + fo.cacheDir());
        k.add("compile-commands:" + fo.compileCommands() + " " + fileHash(fo.compileCommands()));
        // the front end's and engine's switches read from system properties
        java.util.TreeMap<String, String> props = new java.util.TreeMap<>();
        System.getProperties().forEach((a, b) -> {
            if (a.toString().startsWith("mmlint.")) props.put(a.toString(), String.valueOf(b));
        });
        k.add("properties:" + props);
        return k;
    }

    private static String fileHash(Path p) {
        if (p == null) return "";
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(p)));
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }

    /** Exit status of a check: a budget ran out. */
    public static final int EXIT_OVER_BUDGET = 3;

    /** Whether a new finding reaches {@code failOn}. */
    public static boolean fails(RunResult run, Severity failOn) {
        for (Finding x : run.newFindings()) if (x.severity().compareTo(failOn) >= 0) return true;
        return false;
    }
}
