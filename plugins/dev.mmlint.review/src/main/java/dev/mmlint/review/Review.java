package dev.mmlint.review;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * What a review produced: per patch, per file, the findings the patch introduced, left as they were,
 * or fixed, anchored to the hunk line they concern; and every input problem, named by patch and hunk.
 *
 * @param coverSubject the subject of the series' cover letter (0/m), or null
 * @param reviewedFiles number of .c files analysed before and after
 * @param clauses clause id -> applicability text ("kernels 4.5+")
 * @param base what the patches were judged against ("tree test-fixtures/review/tree (6.12.0)", "fragments (kernel 6.1)")
 * @param selection per input from which mails were skipped (earlier versions, replies): what was reviewed
 */
public record Review(String coverSubject, List<PatchReview> patches, List<String> problems, int reviewedFiles,
                     List<RuleInfo> rules, Map<String, String> clauses, String base, List<String> selection) {

    /** This review with the clauses' applicability texts {@code c}. */
    public Review withClauses(Map<String, String> c) {
        return new Review(coverSubject, patches, problems, reviewedFiles, rules, c, base, selection);
    }

    public enum Status {
        INTRODUCED("introduced", "new"), PRE_EXISTING("pre-existing", "unchanged"), FIXED("fixed", "absent");
        public final String label, sarifBaselineState;
        Status(String label, String sarif) { this.label = label; this.sarifBaselineState = sarif; }
    }

    /**
     * One finding of a patch. Its line is in the post-image (introduced, pre-existing) or the
     * pre-image (fixed) of the file; hunk/line index the hunk line it concerns, or -1 when the line is
     * outside every hunk. A finding in a caller or callee outside the diff whose message names a
     * function the patch changed is {@code remote}: anchored at that function's first changed line.
     */
    public record Annotation(Status status, Finding finding, int hunk, int line, boolean remote) {
        public Annotation(Status status, Finding finding, int hunk, int line) { this(status, finding, hunk, line, false); }
    }

    public record FileReview(Diff.FileDiff diff, List<Annotation> annotations) {}

    /** @param problems messages naming this patch (and file, hunk) */
    public record PatchReview(PatchMail mail, List<FileReview> files, List<String> problems) {
        public List<Annotation> all() { return files.stream().flatMap(f -> f.annotations().stream()).toList(); }
    }

    public long count(Status s) { return patches.stream().flatMap(p -> p.all().stream()).filter(a -> a.status() == s).count(); }
}
