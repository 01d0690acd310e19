package dev.mmlint.eclipse;

import dev.mmlint.checks.Checks;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.frontend.Budgets;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.report.BufferAnalysis;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * mmlint's Eclipse settings: per rule on/off and severity, kernel version and Kconfig overrides, and
 * the time and memory budgets (a file or function over its budget is marked not analysed). They
 * live in the workspace preferences ({@code dev.mmlint.eclipse}) and, when a project turns on
 * project-specific settings, in its {@code .settings/dev.mmlint.eclipse.prefs}. They apply on top of
 * the nearest {@code .mmlint.json}, as the CLI's options do. The rule list comes from the checks
 * themselves (one fact, one place).
 */
public final class MmlintSettings {
    public static final String USE_PROJECT_SETTINGS = "useProjectSettings";
    public static final String KERNEL_VERSION = "kernelVersion";
    public static final String CONFIG = "config";
    /** Budgets (empty: the {@code .mmlint.json} ones, else the defaults): time per file, time per function, memory per file. */
    public static final String TIME_BUDGET = "timeBudget";
    public static final String FUNCTION_BUDGET = "functionBudget";
    public static final String MEMORY_BUDGET = "memoryBudget";
    /** Severity value meaning "as the rule declares". */
    public static final String DEFAULT_SEVERITY = "default";

    /** What a project's settings resolve to; {@link #fingerprint()} changes whenever an analysis could. */
    public record Resolved(FrontendOptions options, BufferAnalysis.Overrides overrides) {
        public String fingerprint() { return options + "|" + overrides.disabled() + "|" + overrides.severities(); }
    }

    private MmlintSettings() {}

    public static List<RuleInfo> rules() { return Checks.all().stream().map(c -> c.info()).toList(); }

    public static String enabledKey(String ruleId) { return "rule." + ruleId + ".enabled"; }

    public static String severityKey(String ruleId) { return "rule." + ruleId + ".severity"; }

    public static IEclipsePreferences workspace() { return InstanceScope.INSTANCE.getNode(MmlintPlugin.ID); }

    public static IEclipsePreferences project(IProject p) { return new ProjectScope(p).getNode(MmlintPlugin.ID); }

    /** The node that governs {@code p}: its own when it has project-specific settings, else the workspace's. */
    public static IEclipsePreferences effective(IProject p) {
        if (p != null) {
            IEclipsePreferences n = project(p);
            if (n.getBoolean(USE_PROJECT_SETTINGS, false)) return n;
        }
        return workspace();
    }

    public static Resolved resolve(IProject p) {
        IEclipsePreferences n = effective(p);
        Set<String> off = new LinkedHashSet<>();
        Map<String, Severity> sev = new LinkedHashMap<>();
        for (RuleInfo r : rules()) {
            if (!n.getBoolean(enabledKey(r.id()), true)) off.add(r.id());
            String s = n.get(severityKey(r.id()), DEFAULT_SEVERITY);
            if (!DEFAULT_SEVERITY.equals(s)) {
                try {
                    sev.put(r.id(), Severity.parse(s));
                } catch (IllegalArgumentException e) {
                    // an unknown value in a hand-edited prefs file: the rule's own severity
                }
            }
        }
        FrontendOptions o = FrontendOptions.defaults();
        String kv = n.get(KERNEL_VERSION, "").trim();
        if (!kv.isEmpty()) {
            try {
                o = o.withKernelVersion(KernelVersion.parse(kv));
            } catch (RuntimeException e) {
                // not a version: the tree's own (the preference page refuses such values)
            }
        }
        String cfg = n.get(CONFIG, "").trim();
        if (!cfg.isEmpty()) o = o.withConfig(Path.of(cfg));
        o = o.withBudgets(budgets(n));
        return new Resolved(o, new BufferAnalysis.Overrides(off, sev));
    }

    /** The budgets a preference node sets (what it leaves empty, or a value that does not parse: not set). */
    public static Budgets budgets(IEclipsePreferences n) {
        Budgets b = Budgets.UNSET;
        String t = n.get(TIME_BUDGET, "").trim(), f = n.get(FUNCTION_BUDGET, "").trim(), m = n.get(MEMORY_BUDGET, "").trim();
        try {
            if (!t.isEmpty()) b = b.withFileTime(Budgets.parseTime(t));
        } catch (IllegalArgumentException e) {
            // a hand-edited value that does not parse: not set (the preference page refuses such values)
        }
        try {
            if (!f.isEmpty()) b = b.withFunctionTime(Budgets.parseTime(f));
        } catch (IllegalArgumentException e) {
            // as above
        }
        try {
            if (!m.isEmpty()) b = b.withMemory(Budgets.parseMemory(m));
        } catch (IllegalArgumentException e) {
            // as above
        }
        return b;
    }
}
