package dev.mmlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.Engine;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.report.LintRun;
import dev.mmlint.review.Review.Annotation;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reply quotes only lines of the patch, in patch order, and every comment sits directly under
 * the patch line its finding concerns.
 */
class ReplyStructureTest {
    static final ReferenceModel MODEL = Mmlint.shippedModel();
    static final Engine ENGINE = Mmlint.engine(Engine.Options.defaults(), MODEL);

    static Review review(String input, boolean tree, String version) throws Exception {
        MailReader.Read r = MailReader.read(GoldenReviewTest.DIR.resolve(input));
        FrontendOptions fo = FrontendOptions.defaults().withKernelVersion(version == null ? null : KernelVersion.parse(version));
        return Reviewer.review(r.mails(), r.problems(),
                new Reviewer.Options(tree ? GoldenReviewTest.TREE : null, fo, ENGINE, LintRun.clauseTable(MODEL)));
    }

    @ParameterizedTest
    @CsvSource({"01-tail-mapping.patch,true,", "02-gigantic-increment.patch,true,", "05-series-qp.mbox,true,",
            "03-head-recheck-fixed.patch,false,6.12", "07-new-helper.patch,false,6.1", "08-callee-contract.patch,true,"})
    void quotesPatchLinesAndCommentsSitUnderTheirLine(String input, boolean tree, String version) throws Exception {
        Review rv = review(input, tree, version);
        ReplyFormatter fmt = new ReplyFormatter(true);
        StringWriter w = new StringWriter();
        fmt.write(rv, w);
        List<String> reply = List.of(w.toString().split("\n", -1));
        // every line of the patches, in order
        List<String> patchLines = new ArrayList<>();
        List<Annotation> shown = new ArrayList<>();
        for (Review.PatchReview p : rv.patches()) {
            for (Review.FileReview f : p.files()) {
                patchLines.addAll(f.diff().headerLines());
                for (Diff.Hunk h : f.diff().hunks()) {
                    patchLines.add(h.header());
                    h.lines().forEach(l -> patchLines.add(l.raw()));
                }
                f.annotations().stream().filter(fmt::shown).forEach(shown::add);
            }
        }
        assertFalse(shown.isEmpty(), "the fixture has something to say");
        int at = 0, comments = 0;
        String lastQuoted = null;
        boolean inComment = false;
        for (String l : reply) {
            if (l.startsWith(">")) {
                inComment = false;
                if (l.equals("> [...]")) continue;
                String q = l.equals(">") ? "" : l.substring(2);
                assertTrue(l.equals(">") || l.startsWith("> "), "quote prefix: " + l);
                int found = patchLines.subList(at, patchLines.size()).indexOf(q);
                assertTrue(found >= 0, "quoted line is a line of the patch, in order: '" + q + "'");
                at += found + 1;
                lastQuoted = q;
            } else if (!inComment && (l.startsWith("This is MM") || l.startsWith("This fixes MM") || l.startsWith("In "))) {
                inComment = true;
                Annotation a = shown.get(comments++);
                assertTrue(l.contains(a.finding().ruleId()) || (a.remote() && l.startsWith("In " + a.finding().function() + "()")), l);
                if (a.hunk() >= 0) {
                    Review.FileReview f = rv.patches().stream().flatMap(p -> p.files().stream())
                            .filter(x -> x.annotations().contains(a)).findFirst().orElseThrow();
                    assertEquals(f.diff().hunks().get(a.hunk()).lines().get(a.line()).raw(), lastQuoted,
                            "comment on " + a.finding().ruleId() + " sits under its line");
                }
            } else if (!l.isEmpty() && !inComment) {
                assertTrue(l.startsWith("Re: ") || l.startsWith("On "), "only subject, attribution, quotes and comments: " + l);
            }
            if (!l.startsWith(">")) assertTrue(l.length() <= ReplyFormatter.WIDTH, "wrapped at 72 columns: " + l);
        }
        assertEquals(shown.size(), comments, "one comment per shown finding");
    }
}
