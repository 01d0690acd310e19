package dev.mmlint.review;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.report.Formatter;
import dev.mmlint.report.GithubFormatter;
import dev.mmlint.report.LintRun;
import dev.mmlint.report.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One headless {@code mmlint review}: read the inputs, review the series, write the chosen format to
 * {@code out} and the problems and a one-line summary to {@code err}. The CLI is a thin adapter.
 * Exit status: 0 nothing introduced, 1 findings introduced, 2 invalid request or nothing reviewed.
 */
public final class ReviewRun {
    public static final List<String> FORMATS = List.of("review", "json", "sarif", "github");

    /**
     * @param tree          the base tree, or null to review hunks as fragments
     * @param kernelVersion overrides the tree's version (or sets the fragments'); may be null
     */
    public record Request(List<Path> inputs, Path tree, String format, KernelVersion kernelVersion, Path config,
                          boolean showFixed, String toolVersion) {}

    private ReviewRun() {}

    public static int run(Request q, Writer out, PrintWriter err) throws IOException {
        String format = q.format() == null ? "review" : q.format();
        if (!FORMATS.contains(format)) return usage(err, "unknown format '" + format + "' (" + String.join(", ", FORMATS) + ")");
        Formatter report = null;
        if (format.equals("sarif") || format.equals("github")) {
            report = reportFormatter(format);
            if (report == null) return usage(err, "format '" + format + "' needs the report module's formatters, not in this build");
        }
        if (q.inputs() == null || q.inputs().isEmpty()) return usage(err, "no INPUT given");
        for (Path p : q.inputs()) if (!Files.isRegularFile(p)) return usage(err, "no such file: " + p);
        if (q.tree() != null && !Files.isDirectory(q.tree())) return usage(err, "--tree: no such directory: " + q.tree());
        if (q.config() != null && !Files.isRegularFile(q.config())) return usage(err, "--config: no such file: " + q.config());
        // the shipped rules load on a thread of their own while the series is read, applied and parsed: the first
        // analysis waits for them only if they are not loaded by then
        java.util.concurrent.CompletableFuture.runAsync(Mmlint::shippedModel);
        List<PatchMail> mails = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path p : q.inputs()) {
            MailReader.Read r = MailReader.read(p);
            mails.addAll(r.mails());
            problems.addAll(r.problems());
        }
        Engine engine = Mmlint.shippedEngine(Engine.Options.defaults());
        FrontendOptions fo = FrontendOptions.defaults().withConfig(q.config()).withKernelVersion(q.kernelVersion());
        Review review;
        try {
            review = Reviewer.review(mails, problems, new Reviewer.Options(q.tree(), fo, engine, Map.of()));
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        review = review.withClauses(LintRun.clauseTable(Mmlint.shippedModel()));
        switch (format) {
            case "json" -> ReviewJson.write(review, q.toolVersion(), out);
            case "review" -> new ReplyFormatter(q.showFixed()).write(review, out);
            case "github" -> {
                // the report's annotations, then a notice per finding the series fixes, before its summary line
                StringWriter w = new StringWriter();
                report.write(runResult(review, q.toolVersion()), w);
                String s = w.toString();
                int cut = s.lastIndexOf('\n', s.length() - 2) + 1;
                out.write(s.substring(0, cut));
                out.write(fixedNotices(review));
                out.write(s.substring(cut));
            }
            default -> report.write(runResult(review, q.toolVersion()), out);
        }
        out.flush();
        for (String p : review.selection()) err.println("mmlint review: " + p);
        for (String p : review.problems()) err.println("mmlint review: " + p);
        long intro = review.count(Review.Status.INTRODUCED);
        int n = review.patches().size();
        err.println("mmlint review: " + n + (n == 1 ? " patch, " : " patches, ") + review.reviewedFiles()
                + (review.reviewedFiles() == 1 ? " file" : " files") + " reviewed: " + intro + " introduced, "
                + review.count(Review.Status.PRE_EXISTING) + " pre-existing, " + review.count(Review.Status.FIXED) + " fixed");
        if (review.reviewedFiles() == 0) err.println("mmlint review: nothing could be reviewed");
        err.flush();
        if (review.reviewedFiles() == 0) return 2;
        return intro > 0 ? 1 : 0;
    }

    /**
     * GitHub workflow notices for the findings the series fixes (and no later patch brings back), on
     * the post-image line where the flagged line was (the first line after it the patch kept or added).
     */
    static String fixedNotices(Review r) {
        Map<String, String> byFp = new java.util.LinkedHashMap<>();
        for (Review.PatchReview p : r.patches()) {
            // brought back by this patch: no longer fixed by an earlier one
            for (Review.Annotation a : p.all()) if (a.status() == Review.Status.INTRODUCED) byFp.remove(a.finding().fingerprint());
            for (Review.FileReview f : p.files())
                for (Review.Annotation a : f.annotations()) {
                    if (a.status() != Review.Status.FIXED) continue;
                    Finding x = a.finding();
                    StringBuilder b = new StringBuilder("::notice file=").append(GithubFormatter.property(x.file()));
                    if (a.hunk() >= 0 && !a.remote()) b.append(",line=").append(newLine(f.diff().hunks().get(a.hunk()), a.line()));
                    b.append(",title=").append(GithubFormatter.property(x.ruleId() + " fixed")).append("::")
                            .append(GithubFormatter.data("this patch fixes " + x.ruleId() + " in " + x.function() + "() (line " + x.line()
                                    + " before it): " + x.message() + " [" + x.ruleId() + "]"))
                            .append('\n');
                    byFp.put(x.fingerprint(), b.toString());
                }
        }
        return String.join("", byFp.values());
    }

    /** The post-image line of hunk line {@code li}, or of the first line after it that the post-image has. */
    private static int newLine(Diff.Hunk h, int li) {
        int n = h.newStart();
        for (int i = 0; i < li; i++) if (h.lines().get(i).kind() != '-') n++;
        return Math.max(1, n);
    }

    /**
     * The review as a lint run for the report module's SARIF and GitHub formats: introduced findings
     * are "new", pre-existing ones "unchanged", and findings the series fixes (not reintroduced by a
     * later patch) are "absent" entries, at their last position before the fix.
     */
    public static RunResult runResult(Review r, String toolVersion) {
        // one entry per fingerprint over the whole series: its latest position, "new" when any patch introduced it
        Map<String, Finding> latest = new java.util.LinkedHashMap<>();
        Map<String, Finding> fixed = new java.util.LinkedHashMap<>();
        Map<String, String> state = new TreeMap<>();
        for (Review.PatchReview p : r.patches()) {
            // what a patch fixes goes first: a finding it introduces may share the fingerprint (same line text)
            java.util.Set<String> fixedHere = new java.util.HashSet<>();
            for (Review.Annotation a : p.all()) {
                if (a.status() != Review.Status.FIXED) continue;
                String fp = a.finding().fingerprint();
                fixedHere.add(fp);
                latest.remove(fp);
                state.remove(fp);
                fixed.put(fp, a.finding());
            }
            for (Review.Annotation a : p.all()) {
                String fp = a.finding().fingerprint();
                if (a.status() == Review.Status.FIXED) continue;
                if (!fixedHere.contains(fp)) fixed.remove(fp);
                latest.put(fp, a.finding());
                if (a.status() == Review.Status.INTRODUCED || !state.containsKey(fp)) state.put(fp, a.status().sarifBaselineState);
            }
        }
        List<Finding> fs = new ArrayList<>(latest.values());
        fs.sort(Finding.ORDER);
        List<dev.mmlint.report.Baseline.Entry> absent = new ArrayList<>();
        for (Finding f : fixed.values())
            absent.add(new dev.mmlint.report.Baseline.Entry(f.fingerprint(), f.ruleId(), f.file(), f.function(), f.line(), f.message()));
        absent.sort(java.util.Comparator.comparing(dev.mmlint.report.Baseline.Entry::file)
                .thenComparingInt(dev.mmlint.report.Baseline.Entry::line).thenComparing(dev.mmlint.report.Baseline.Entry::rule));
        return new RunResult(List.copyOf(fs), List.of(), r.rules(), r.clauses(), state, List.copyOf(absent), r.reviewedFiles(), toolVersion);
    }

    /** The report module's SARIF / GitHub formatters (owned elsewhere), looked up by name so this builds without them. */
    static Formatter reportFormatter(String name) {
        try {
            Class<?> c = Class.forName("dev.mmlint.report.Formats");
            return (Formatter) c.getMethod("forName", String.class).invoke(null, name);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }

    private static int usage(PrintWriter err, String msg) {
        err.println("mmlint review: " + msg);
        err.flush();
        return 2;
    }
}
