package dev.mmlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmlint.model.api.KernelVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden outputs of {@code mmlint review} on the series in test-fixtures/review/ against the small
 * tree test-fixtures/review/tree/: stdout, stderr and the exit status, compared byte for byte.
 * Update with {@code -Dmmlint.updateGolden=true} and review the diff.
 */
class GoldenReviewTest {
    static final Path DIR = Path.of("../../test-fixtures/review");
    static final Path TREE = DIR.resolve("tree");

    record Case(String name, List<String> inputs, boolean tree, String format, String version, boolean showFixed) {}

    static final List<Case> CASES = List.of(
            new Case("01-tail-mapping", List.of("01-tail-mapping.patch"), true, "review", null, false),
            new Case("02-gigantic-increment", List.of("02-gigantic-increment.patch"), true, "review", null, false),
            new Case("02-gigantic-increment-tree-as-6.18", List.of("02-gigantic-increment.patch"), true, "review", "6.18", false),
            new Case("03-head-recheck-fixed", List.of("03-head-recheck-fixed.patch"), true, "review", null, true),
            new Case("03-head-recheck-fixed-fragment", List.of("03-head-recheck-fixed.patch"), false, "review", "6.12", true),
            new Case("03-head-recheck-fixed-fragment.json", List.of("03-head-recheck-fixed.patch"), false, "json", "6.12", false),
            new Case("04-does-not-apply", List.of("04-does-not-apply.diff"), true, "review", null, false),
            new Case("05-series-qp", List.of("05-series-qp.mbox"), true, "review", null, false),
            new Case("05-series-qp.json", List.of("05-series-qp.mbox"), true, "json", null, false),
            new Case("06-bad-input", List.of("06-bad-input.diff"), true, "review", null, true),
            new Case("07-new-helper-fragment", List.of("07-new-helper.patch"), false, "review", "6.1", false),
            new Case("07-new-helper-fragment-6.18", List.of("07-new-helper.patch"), false, "review", "6.18", false),
            new Case("08-callee-contract", List.of("08-callee-contract.patch"), true, "review", null, false),
            new Case("mbox-then-bare-patch", List.of("05-series-qp.mbox", "08-callee-contract.patch"), true, "review", null, false),
            new Case("09-renamed-function", List.of("09-renamed-function.patch"), true, "review", null, true),
            new Case("09-renamed-function.json", List.of("09-renamed-function.patch"), true, "json", null, false),
            new Case("10-moved-code", List.of("10-moved-code.patch"), true, "json", null, false),
            new Case("10-moved-code-fragment", List.of("10-moved-code.patch"), false, "json", "6.12", false),
            new Case("11-fix-and-new-bug", List.of("11-fix-and-new-bug.patch"), true, "review", null, true),
            new Case("11-fix-and-new-bug.json", List.of("11-fix-and-new-bug.patch"), true, "json", null, false),
            new Case("11-fix-and-new-bug.sarif", List.of("11-fix-and-new-bug.patch"), true, "sarif", null, false),
            new Case("11-fix-and-new-bug.github", List.of("11-fix-and-new-bug.patch"), true, "github", null, false),
            new Case("12-lore-thread", List.of("12-lore-thread.mbox"), true, "review", null, true),
            new Case("12-lore-thread.json", List.of("12-lore-thread.mbox"), true, "json", null, false),
            new Case("13-header-inline", List.of("13-header-inline.patch"), true, "review", null, false),
            new Case("series-3-patches", List.of("03-head-recheck-fixed.patch", "01-tail-mapping.patch", "02-gigantic-increment.patch"),
                    true, "review", null, false));

    static String run(Case c) throws IOException {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<Path> in = new ArrayList<>();
        for (String s : c.inputs()) in.add(DIR.resolve(s));
        int rc = ReviewRun.run(new ReviewRun.Request(in, c.tree() ? TREE : null, c.format(),
                c.version() == null ? null : KernelVersion.parse(c.version()), null, c.showFixed(), "test"), out, new PrintWriter(err, true));
        StringBuilder cmd = new StringBuilder("$ mmlint review");
        if (c.tree()) cmd.append(" --tree tree");
        if (!c.format().equals("review")) cmd.append(" --format ").append(c.format());
        if (c.version() != null) cmd.append(" --kernel-version ").append(c.version());
        if (c.showFixed()) cmd.append(" --show-fixed");
        for (String s : c.inputs()) cmd.append(' ').append(s);
        return cmd + "\n" + out + "--- stderr\n" + err + "--- exit " + rc + "\n";
    }

    @TestFactory Stream<DynamicTest> golden() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            String got = run(c);
            Path g = DIR.resolve("golden").resolve(c.name() + ".txt");
            if (Boolean.getBoolean("mmlint.updateGolden") || !Files.exists(g)) {
                Files.createDirectories(g.getParent());
                Files.writeString(g, got, StandardCharsets.UTF_8);
                if (!Boolean.getBoolean("mmlint.updateGolden")) throw new AssertionError("golden file created, review it: " + g);
            }
            assertEquals(Files.readString(g, StandardCharsets.UTF_8), got, "golden " + g + " (update with -Dmmlint.updateGolden=true)");
        }));
    }
}
