package dev.mmlint.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.review.Review.Annotation;
import dev.mmlint.review.Review.FileReview;
import dev.mmlint.review.Review.PatchReview;
import java.io.IOException;
import java.io.Writer;

/** The review as JSON: per patch, its findings with their status and the hunk line they concern. */
public final class ReviewJson {
    private static final ObjectMapper M = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void write(Review r, String toolVersion, Writer out) throws IOException {
        ObjectNode root = M.createObjectNode();
        root.put("tool", "mmlint");
        root.put("version", toolVersion);
        root.put("base", r.base());
        if (r.coverSubject() != null) root.put("cover", r.coverSubject());
        root.put("reviewedFiles", r.reviewedFiles());
        if (!r.selection().isEmpty()) {
            ArrayNode sel = root.putArray("selection");
            r.selection().forEach(sel::add);
        }
        ArrayNode ps = root.putArray("patches");
        for (PatchReview p : r.patches()) {
            ObjectNode po = ps.addObject();
            po.put("subject", p.mail().name());
            po.put("source", p.mail().source());
            if (p.mail().number() >= 0) po.put("number", p.mail().number()).put("total", p.mail().total());
            if (p.mail().author() != null) po.put("author", p.mail().author());
            if (p.mail().date() != null) po.put("date", p.mail().date());
            ArrayNode fs = po.putArray("findings");
            for (FileReview f : p.files()) {
                for (Annotation a : f.annotations()) {
                    Finding x = a.finding();
                    ObjectNode o = fs.addObject();
                    o.put("status", a.status().label);
                    o.put("rule", x.ruleId());
                    o.put("severity", x.severity().label());
                    o.put("file", x.file());
                    o.put("function", x.function());
                    o.put("line", x.line());
                    o.put("column", x.column());
                    o.put("message", x.message());
                    o.put("clause", x.clause());
                    o.put("applicability", r.clauses().getOrDefault(x.clause(), x.applicability()));
                    if (x.fixHint() != null) o.put("fixHint", x.fixHint());
                    o.put("confirmed", x.confirmed());
                    o.put("fingerprint", x.fingerprint());
                    if (a.hunk() >= 0) {
                        Diff.Hunk h = f.diff().hunks().get(a.hunk());
                        o.put("hunk", h.atHeader());
                        o.put("patchLine", h.lines().get(a.line()).raw());
                    }
                    ArrayNode ev = o.putArray("evidence");
                    for (Evidence e : x.evidence()) ev.addObject().put("line", e.line()).put("message", e.message());
                }
            }
            ArrayNode pr = po.putArray("problems");
            p.problems().forEach(pr::add);
        }
        ArrayNode pr = root.putArray("problems");
        r.problems().forEach(pr::add);
        M.writeValue(new java.io.FilterWriter(out) {
            @Override public void close() throws IOException { flush(); }
        }, root);
        out.write("\n");
    }

    private ReviewJson() {}
}
