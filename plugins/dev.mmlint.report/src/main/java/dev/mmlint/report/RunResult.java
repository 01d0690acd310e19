package dev.mmlint.report;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.frontend.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * Everything one run produced, as every output format needs it: the findings (sorted), what could
 * not be analysed, the rules that ran with their model clauses, and the baseline state of each
 * finding when a baseline was given.
 *
 * @param clauses       clause id -> one-line applicability text ("kernels < 6.18; SPARSEMEM && !SPARSEMEM_VMEMMAP")
 * @param baselineState fingerprint -> "new" | "unchanged"; empty when no baseline was given
 * @param absent        baseline fingerprints no longer found (SARIF "absent")
 */
public record RunResult(List<Finding> findings, List<Diagnostic> notAnalysed, List<RuleInfo> rules,
                        Map<String, String> clauses, Map<String, String> baselineState, List<String> absent,
                        int filesAnalysed, String toolVersion) {}
