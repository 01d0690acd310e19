package dev.mmlint.report;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.model.api.ReferenceModel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one run produced, as every output format needs it: the findings (sorted), what could
 * not be analysed, the rules that ran with their model clauses, and the baseline state of each
 * finding when a baseline was given.
 *
 * @param clauses       clause id -> one-line applicability text ("kernels < 6.18; SPARSEMEM && !SPARSEMEM_VMEMMAP")
 * @param baselineState fingerprint -> "new" | "unchanged"; empty when no baseline was given
 * @param absent        baseline entries no longer found (SARIF "absent")
 * @param ruleClauses   rule id -> the model clauses it cites (SARIF rule properties)
 */
public record RunResult(List<Finding> findings, List<Diagnostic> notAnalysed, List<RuleInfo> rules,
                        Map<String, String> clauses, Map<String, String> baselineState, List<Baseline.Entry> absent,
                        int filesAnalysed, String toolVersion, Map<String, List<String>> ruleClauses, Completeness completeness) {

    public RunResult {
        if (completeness == null) completeness = Completeness.NONE;
    }

    public RunResult(List<Finding> findings, List<Diagnostic> notAnalysed, List<RuleInfo> rules,
                     Map<String, String> clauses, Map<String, String> baselineState, List<Baseline.Entry> absent,
                     int filesAnalysed, String toolVersion, Map<String, List<String>> ruleClauses) {
        this(findings, notAnalysed, rules, clauses, baselineState, absent, filesAnalysed, toolVersion, ruleClauses, Completeness.NONE);
    }

    public RunResult(List<Finding> findings, List<Diagnostic> notAnalysed, List<RuleInfo> rules,
                     Map<String, String> clauses, Map<String, String> baselineState, List<Baseline.Entry> absent,
                     int filesAnalysed, String toolVersion) {
        this(findings, notAnalysed, rules, clauses, baselineState, absent, filesAnalysed, toolVersion, Map.of());
    }

    /** The result of a {@link LintRun} as the formats see it, without a baseline. */
    public static RunResult of(LintRun.Outcome out, ReferenceModel model, String toolVersion) {
        return of(out, ModelTables.of(model), toolVersion);
    }

    /** The same with the model's tables already taken (see {@link ModelTables}). */
    public static RunResult of(LintRun.Outcome out, ModelTables tables, String toolVersion) {
        return new RunResult(out.findings(), out.notAnalysed(), out.engine().rules(), tables.clauses(), Map.of(),
                List.of(), out.filesAnalysed(), toolVersion, tables.ruleClauses(), Completeness.of(out));
    }

    /**
     * What the formats show of a reference model: each clause's applicability, and the clauses each rule cites.
     * It depends on the rules alone, so a result cache keeps it and a warm run need not load the model.
     */
    public record ModelTables(Map<String, String> clauses, Map<String, List<String>> ruleClauses) {
        public static ModelTables of(ReferenceModel model) {
            return new ModelTables(LintRun.clauseTable(model), clausesByRule(model));
        }
    }

    /** This result restricted to what {@code baseline} does not already hold (and the states for SARIF). */
    public RunResult withBaseline(Baseline baseline) {
        return new RunResult(findings, notAnalysed, rules, clauses, baseline.states(findings), baseline.absent(findings),
                filesAnalysed, toolVersion, ruleClauses, completeness);
    }

    /** Whether a file or function was not analysed because a budget ran out. */
    public boolean overBudget() { return completeness.overBudget() > 0; }

    /** Only the findings whose baseline state is "new" (all of them when no baseline was given). */
    public List<Finding> newFindings() {
        if (baselineState.isEmpty()) return findings;
        return findings.stream().filter(f -> !"unchanged".equals(baselineState.get(f.fingerprint()))).toList();
    }

    public static Map<String, List<String>> clausesByRule(ReferenceModel model) {
        Map<String, List<String>> m = new TreeMap<>();
        model.clauses().forEach(c -> {
            if (c.rule() != null) m.computeIfAbsent(c.rule(), k -> new java.util.ArrayList<>()).add(c.id());
        });
        m.replaceAll((k, v) -> v.stream().sorted().toList());
        return m;
    }
}
