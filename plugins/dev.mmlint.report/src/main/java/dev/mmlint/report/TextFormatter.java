package dev.mmlint.report;

import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * gcc-style text that editors and make understand:
 * <pre>
 * mm/hugetlb.c:4931:20: warning: 'page' advanced by … [MM001]
 * mm/hugetlb.c:4925:8: note: offset bounded by pages_per_huge_page(h), not by a buddy order
 *   fix: use nth_page(page, i) or folio_page(folio, i)
 *   see: rules/MM001 (model clause contiguity.gigantic-hugetlb; kernels < 6.18)
 * </pre>
 */
public final class TextFormatter implements Formatter {
    @Override public void write(RunResult run, Writer out) throws IOException {
        for (Finding f : run.newFindings()) {
            out.write(f.file() + ":" + f.line() + ":" + f.column() + ": " + f.severity().label() + ": " + f.message() + " [" + f.ruleId() + "]\n");
            for (Evidence e : f.evidence())
                out.write(f.file() + ":" + e.line() + ":" + Math.max(1, e.column()) + ": note: " + e.message() + "\n");
            if (f.fixHint() != null && !f.fixHint().isEmpty()) out.write("  fix: " + f.fixHint() + "\n");
            out.write("  see: rules/" + f.ruleId() + " (model clause " + f.clause() + "; " + f.applicability() + ")\n");
            out.write("  confidence: " + f.confidence().label() + (f.confirmed() ? " (confirmed by the reference model)" : " (not confirmed by the reference model: " + f.confirmation() + ")") + "\n");
        }
        for (var d : run.notAnalysed()) out.write(d + "\n");
        for (var d : run.completeness().notes()) out.write(d + "\n");
        out.write(summary(run) + "\n");
    }

    static String summary(RunResult run) {
        long w = run.newFindings().size(), old = run.findings().size() - w;
        return "mmlint: " + w + (run.baselineState().isEmpty() ? "" : " new") + (w == 1 ? " finding" : " findings")
                + (run.baselineState().isEmpty() ? "" : " (" + old + " in the baseline, " + run.absent().size() + " no longer found)")
                + " in " + run.filesAnalysed()
                + (run.filesAnalysed() == 1 ? " file" : " files")
                + (run.notAnalysed().isEmpty() ? "" : ", " + run.notAnalysed().size() + " not analysed")
                + run.completeness().summaryTail();
    }
}
