package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model-drift report on Linux 6.12: every entry a reviewer can act on points at real code. */
class ModelVerifyTest {
    @Test void driftReportOnSixTwelvePointsAtDefinitions() throws Exception {
        Path tree = RealKernelTest.locate();
        ModelVerify.Report r = ModelVerify.verify(tree, null, Mmlint.shippedModel());
        assertTrue(r.files() > 1000 && r.functions() > 5000, "scanned " + r.files() + " files, " + r.functions() + " functions");
        assertTrue(r.contracts() >= 1, "the tree asserts head-only contracts (VM_BUG_ON_PAGE(PageTail(page), page))");
        for (ModelVerify.Entry e : r.entries()) {
            if (e.kind() == ModelVerify.Kind.NOT_IN_TREE) {
                assertTrue(e.where().isEmpty(), e.toString());
                continue;
            }
            String[] fl = e.where().split(":");
            List<String> lines = Files.readAllLines(tree.resolve(fl[0]), java.nio.charset.StandardCharsets.ISO_8859_1);
            int line = Integer.parseInt(fl[1]);
            String around = String.join("\n", lines.subList(line - 1, Math.min(lines.size(), line + 2)));
            assertTrue(around.contains(e.function()), e + ": " + e.where() + " does not show " + e.function() + "()");
        }
    }
}
