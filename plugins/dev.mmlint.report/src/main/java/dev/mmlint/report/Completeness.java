package dev.mmlint.report;

import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.frontend.FunctionCoverage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of what a run analysed it could see: one note per file with parse problems (the first
 * problem, at its line) and per function that was not analysed, the function counts behind the
 * summary line, and how many files and functions ran over a budget.
 *
 * @param notes             gcc-style notes, sorted by file and line
 * @param functions         function definitions in the analysed files
 * @param partial           of those, parsed only in part (problem nodes, unresolved names)
 * @param skipped           of those, not analysed (inside an unparsable declaration, or over a budget)
 * @param filesWithProblems analysed files with at least one parse problem (a syntax or preprocessor problem in the
 *                          file itself, or a function inside an unparsable declaration)
 * @param overBudget        files and functions not analysed because a budget ran out
 */
public record Completeness(List<Diagnostic> notes, int functions, int partial, int skipped, int filesWithProblems, int overBudget) {
    /** A function's coverage reason that is a syntax problem (not an unresolved name), with its line. */
    private static final Pattern SYNTAX = Pattern.compile("line (\\d+): ((?:syntax problem|body not closed|nested function definition).*)");

    public static final Completeness NONE = new Completeness(List.of(), 0, 0, 0, 0, 0);

    /** From a lint run's per-file results. */
    public static Completeness of(LintRun.Outcome out) {
        List<Diagnostic> notes = new ArrayList<>();
        int n = 0, partial = 0, skipped = 0, withProblems = 0, over = 0;
        for (Diagnostic d : out.notAnalysed()) if (LintRun.overBudget(d)) over++;
        for (LintRun.FileResult r : out.files()) {
            if (r.error() != null || r.result() == null) continue;
            Diagnostic first = null;
            int count = 0;
            for (Diagnostic p : r.problems()) {
                if (p.line() <= 0) continue;
                count++;
                if (first == null || p.line() < first.line()) first = p;
            }
            for (FunctionCoverage fc : r.result().functions()) {
                n++;
                FunctionCoverage.Status st = fc.status() == FunctionCoverage.Status.NOT_BUILT ? fc.parseStatus() : fc.status();
                if (st == FunctionCoverage.Status.PARTIAL) partial++;
                for (String why : fc.parseReasons()) {
                    Matcher m = SYNTAX.matcher(why);
                    if (!m.matches()) continue;
                    count++;
                    int line = Integer.parseInt(m.group(1));
                    if (first == null || line < first.line())
                        first = new Diagnostic(r.displayPath(), line, 0, Diagnostic.Severity.NOTE, m.group(2) + " in function '" + fc.name() + "'");
                }
                if (st != FunctionCoverage.Status.SKIPPED) continue;
                skipped++;
                String why = fc.reasons().isEmpty() ? "not analysed" : fc.reasons().get(fc.reasons().size() - 1);
                if (why.contains("budget exceeded")) {
                    over++;
                    notes.add(new Diagnostic(r.displayPath(), fc.line(), 0, Diagnostic.Severity.NOTE, "function '" + fc.name() + "' "
                            + (why.startsWith("not analysed") ? why : "not analysed: " + why)));
                } else {
                    count++;
                    if (first == null || fc.line() < first.line())
                        first = new Diagnostic(r.displayPath(), fc.line(), 0, Diagnostic.Severity.NOTE, "function '" + fc.name() + "' not analysed: " + why);
                }
            }
            if (first != null) {
                withProblems++;
                notes.add(new Diagnostic(r.displayPath(), first.line(), first.column(), Diagnostic.Severity.NOTE,
                        "parse problem: " + first.message() + (count > 1 ? " (and " + (count - 1) + " more; see mmlint coverage)" : "")));
            }
        }
        notes.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line).thenComparing(Diagnostic::message));
        return new Completeness(List.copyOf(notes), n, partial, skipped, withProblems, over);
    }

    /** What the summary line adds (empty when every function was seen whole and nothing ran over a budget). */
    String summaryTail() {
        StringBuilder b = new StringBuilder();
        if (filesWithProblems > 0) b.append("; ").append(filesWithProblems).append(filesWithProblems == 1 ? " file" : " files")
                .append(" with parse problems");
        if (partial > 0 || skipped > 0) {
            b.append("; functions: ").append(functions - partial - skipped).append(" of ").append(functions).append(" analysed whole");
            if (partial > 0) b.append(", ").append(partial).append(" partially");
            if (skipped > 0) b.append(", ").append(skipped).append(" not analysed");
        }
        if (overBudget > 0) b.append("; ").append(overBudget).append(overBudget == 1 ? " file or function" : " files or functions")
                .append(" over budget");
        return b.toString();
    }
}
