package dev.mmlint.review;

import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.review.Review.Annotation;
import dev.mmlint.review.Review.FileReview;
import dev.mmlint.review.Review.PatchReview;
import dev.mmlint.review.Review.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The review as a plain-text reply in the style of linux-mm reviewers: per patch that has something
 * to say, a {@code Re:} subject line, the mail's attribution line when it had one, then the hunk lines
 * needed for context quoted with {@code > } ({@code > [...]} for what is skipped) and each comment
 * directly below the line it concerns, wrapped at 72 columns. Nothing else.
 */
public final class ReplyFormatter {
    public static final int WIDTH = 72;
    /** Lines of context quoted above a commented line (besides the hunk header). */
    public static final int CONTEXT = 3;
    private final boolean showFixed;

    public ReplyFormatter(boolean showFixed) { this.showFixed = showFixed; }

    public void write(Review review, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (PatchReview p : review.patches()) {
            if (p.all().stream().noneMatch(this::shown)) continue;
            if (first && review.coverSubject() != null) b.append("Re: ").append(review.coverSubject()).append("\n\n");
            if (!first) b.append("\n");
            first = false;
            patch(review, p, b);
        }
        out.write(b.toString());
    }

    boolean shown(Annotation a) {
        return a.status() == Status.INTRODUCED || (showFixed && a.status() == Status.FIXED);
    }

    private void patch(Review review, PatchReview p, StringBuilder b) {
        b.append("Re: ").append(p.mail().name()).append("\n\n");
        if (p.mail().attribution() != null) b.append(p.mail().attribution()).append('\n');
        boolean needSkip = false;
        for (FileReview f : p.files()) {
            List<Annotation> shown = f.annotations().stream().filter(this::shown).toList();
            if (shown.isEmpty()) {
                needSkip = true;
                continue;
            }
            if (needSkip) b.append("> [...]\n");
            for (String h : f.diff().headerLines()) quote(b, h);
            int hunk = -1, pos = 0;
            List<Annotation> outside = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                Annotation a = shown.get(i);
                if (a.hunk() < 0) {
                    outside.add(a);
                    continue;
                }
                if (a.hunk() != hunk) {
                    if (hunk >= 0 && pos < f.diff().hunks().get(hunk).lines().size()) b.append("> [...]\n");
                    hunk = a.hunk();
                    pos = 0;
                    quote(b, f.diff().hunks().get(hunk).header());
                }
                List<Diff.Line> ls = f.diff().hunks().get(hunk).lines();
                if (a.line() >= pos) {
                    if (a.line() - pos > CONTEXT) {
                        b.append("> [...]\n");
                        pos = a.line() - CONTEXT;
                    }
                    for (; pos <= a.line(); pos++) quote(b, ls.get(pos).raw());
                }
                b.append('\n');
                comment(review, a, b, a.remote());
                b.append('\n');
            }
            boolean rest = hunk >= 0 && (pos < f.diff().hunks().get(hunk).lines().size() || hunk < f.diff().hunks().size() - 1);
            if (!outside.isEmpty()) {
                if (rest || hunk < 0) b.append("> [...]\n");
                rest = false;
                for (Annotation a : outside) {
                    b.append('\n');
                    comment(review, a, b, true);
                    b.append('\n');
                }
            }
            needSkip = rest;
        }
        if (needSkip) b.append("> [...]\n");
    }

    private static void quote(StringBuilder b, String line) {
        b.append(line.isEmpty() ? ">" : "> " + line).append('\n');
    }

    private void comment(Review review, Annotation a, StringBuilder b, boolean outside) {
        Finding f = a.finding();
        String applies = review.clauses().getOrDefault(f.clause(), f.applicability());
        if (outside) wrap(b, "In " + f.function() + "(), line " + f.line() + (a.status() == Status.FIXED ? " before" : " after")
                + " this patch (outside the diff):");
        StringBuilder s = new StringBuilder();
        s.append(a.status() == Status.FIXED ? "This fixes " : "This is ").append(f.ruleId())
                .append(" (model clause ").append(f.clause()).append(", ").append(applies).append("): ")
                .append(sentence(f.message()));
        wrap(b, s.toString());
        for (Evidence e : f.evidence()) wrap(b, "Line " + e.line() + ": " + sentence(e.message()));
        if (a.status() != Status.FIXED && f.fixHint() != null && !f.fixHint().isBlank()) wrap(b, "Fix: " + sentence(f.fixHint()));
    }

    private static String sentence(String s) {
        s = s.strip();
        return s.endsWith(".") ? s : s + ".";
    }

    /** Greedy word wrap at {@link #WIDTH} columns; a word longer than the width stands alone. */
    static void wrap(StringBuilder b, String text) {
        int col = 0;
        for (String w : text.split(" +")) {
            if (w.isEmpty()) continue;
            if (col > 0 && col + 1 + w.length() > WIDTH) {
                b.append('\n');
                col = 0;
            }
            if (col > 0) {
                b.append(' ');
                col++;
            }
            b.append(w);
            col += w.length();
        }
        b.append('\n');
    }
}
