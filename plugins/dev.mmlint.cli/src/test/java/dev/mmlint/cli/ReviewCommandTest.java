package dev.mmlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mmlint review} through the command line: registered, options wired, exit status. */
class ReviewCommandTest {
    static final Path DIR = Path.of("../../test-fixtures/review");

    private record Run(int code, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, err.toString());
    }

    /** The reply part of a golden file (between the command line and "--- stderr"). */
    static String goldenReply(String name) throws Exception {
        String g = Files.readString(DIR.resolve("golden").resolve(name + ".txt"), StandardCharsets.UTF_8);
        return g.substring(g.indexOf('\n') + 1, g.indexOf("--- stderr\n"));
    }

    @Test void reviewsASeriesAgainstATreeLikeTheGolden(@TempDir Path d) throws Exception {
        Path out = d.resolve("reply.txt");
        Run r = run("review", "--tree", DIR.resolve("tree").toString(), "--output", out.toString(), DIR.resolve("05-series-qp.mbox").toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(goldenReply("05-series-qp"), Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(r.err().contains("2 patches, 2 files reviewed: 1 introduced, 1 pre-existing, 0 fixed"), r.err());
    }

    @Test void fragmentsUnderAKernelVersionAndShowFixed(@TempDir Path d) throws Exception {
        Path out = d.resolve("reply.txt");
        Run r = run("review", "--kernel-version", "6.12", "--show-fixed", "--output", out.toString(),
                DIR.resolve("03-head-recheck-fixed.patch").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(goldenReply("03-head-recheck-fixed-fragment"), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test void badInvocationsExitTwo() {
        assertEquals(2, run("review", "--format", "xml", DIR.resolve("01-tail-mapping.patch").toString()).code());
        Run r = run("review", DIR.resolve("no-such.patch").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
        assertEquals(2, run("review", "--tree", DIR.resolve("no-such-tree").toString(), DIR.resolve("01-tail-mapping.patch").toString()).code());
    }
}
