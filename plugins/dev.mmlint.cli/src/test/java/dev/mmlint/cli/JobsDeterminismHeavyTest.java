package dev.mmlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Opt-in ({@code -Dmmlint.heavy=true}): the SARIF report of all of Linux 6.12 mm/ is byte-identical
 * with --jobs 1 and --jobs 4. Too slow for the default suite (several minutes on 2 cores).
 */
class JobsDeterminismHeavyTest {
    @Test void sixTwelveMmIsByteIdenticalForOneAndFourJobs(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        assumeTrue(Boolean.getBoolean("mmlint.heavy"), "opt-in: -Dmmlint.heavy=true");
        Path tree = dev.mmlint.frontend.testing.KernelTestTrees.tree("6.12");
        Path a = tmp.resolve("j1.sarif"), b = tmp.resolve("j4.sarif");
        assertEquals(run(tree, 1, a), run(tree, 4, b), "exit status");
        byte[] x = Files.readAllBytes(a), y = Files.readAllBytes(b);
        assertTrue(x.length > 1000, "a real report");
        assertEquals(new String(x), new String(y), "--jobs 1 and --jobs 4 reports differ");
    }

    private static int run(Path tree, int jobs, Path out) {
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute("check", "-q", "--no-settings", "--no-cache", "--format", "sarif", "--output", out.toString(), "--jobs", String.valueOf(jobs),
                tree.resolve("mm").toString());
    }
}
