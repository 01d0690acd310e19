package dev.mmlint.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mmlint check}: exit codes, invalid invocations, settings, baselines, fingerprints, jobs. */
class CheckCommandTest {
    record Run(int code, String out, String err) {
        List<String> errLines() { return err.lines().toList(); }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String BAD = """
            #include <linux/mm.h>

            static int user_page_is_file_backed(unsigned long addr)
            {
            	struct page *page;
            	struct address_space *mapping;

            	if (get_user_pages_fast(addr, 1, FOLL_WRITE, &page) != 1)
            		return -EFAULT;
            	mapping = page->mapping;
            	put_page(page);
            	return mapping != NULL;
            }
            """;

    static final String OK = "int ok(struct folio *f)\n{\n\treturn folio_ref_count(f);\n}\n";

    private static void assertUsage(Run r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), "one clear line: " + r.err());
        assertTrue(r.err().startsWith("mmlint check: ") || r.err().contains(fragment), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertEquals("", r.out(), "nothing on stdout");
    }

    @Test void invalidInvocationsExitTwoWithOneLine(@TempDir Path d) throws Exception {
        Path c = Files.writeString(d.resolve("a.c"), OK);
        assertUsage(run("check", "--no-settings", "--enable", "MM999", c.toString()), "unknown rule 'MM999'");
        assertUsage(run("check", "--no-settings", d.resolve("missing.c").toString()), "no such file or directory");
        assertUsage(run("check", "--no-settings", "--format", "xml", c.toString()), "unknown format 'xml' (text, json, sarif, github)");
        assertUsage(run("check", "--no-settings", "--baseline", d.resolve("none.json").toString(), c.toString()), "none.json: no such file");
        Files.writeString(d.resolve("bad.json"), "{\"version\": 1, \"findings\": [");
        assertUsage(run("check", "--no-settings", "--baseline", d.resolve("bad.json").toString(), c.toString()), "malformed JSON");
        Files.writeString(d.resolve("other.json"), "{\"version\": 7, \"findings\": []}");
        assertUsage(run("check", "--no-settings", "--baseline", d.resolve("other.json").toString(), c.toString()), "\"version\" must be 1");
        assertUsage(run("check", "--settings", d.resolve("nope.json").toString(), c.toString()), "--settings: no such file");
        assertUsage(run("check", "--no-settings", "--jobs", "0", c.toString()), "--jobs must be at least 1");
        assertUsage(run("check", "--no-settings", "--fail-on", "fatal", c.toString()), "unknown severity 'fatal'");
    }

    @Test void malformedSettingsNameFileAndLine(@TempDir Path d) throws Exception {
        Path c = Files.writeString(d.resolve("a.c"), OK);
        Path s = d.resolve(".mmlint.json");
        Files.writeString(s, "{\n  \"rules\": {\n    \"MM999\": \"off\"\n  }\n}\n");
        assertUsage(run("check", c.toString()), s + ":3:5: unknown rule 'MM999'");
        Files.writeString(s, "{\n  \"suppress\": [\n    {\"fingerprint\": \"0123456789abcdef\"}\n  ]\n}\n");
        assertUsage(run("check", c.toString()), s + ":2:3: suppress[0]: a suppression needs a \"reason\"");
        Files.writeString(s, "{\n  \"exclud\": []\n}\n");
        assertUsage(run("check", c.toString()), s + ":2:");
        Files.writeString(s, "{\n  \"rules\": {\"MM001\": \"loud\"}\n}\n");
        assertUsage(run("check", c.toString()), "'loud' is not one of on, off, note, warning, error");
        Files.writeString(s, "{\n  \"rules\": [\n");
        assertUsage(run("check", c.toString()), s + ":");
    }

    @Test void exitCodes(@TempDir Path d) throws Exception {
        Files.writeString(d.resolve("ok.c"), OK);
        assertEquals(0, run("check", "-q", d.resolve("ok.c").toString()).code());
        Files.writeString(d.resolve("bad.c"), BAD);
        Run r = run("check", "-q", d.resolve("bad.c").toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("[MM002]"), r.out());
        assertEquals(0, run("check", "-q", "--fail-on", "error", d.resolve("bad.c").toString()).code(), "warnings below --fail-on");
        Files.write(d.resolve("bin.c"), new byte[] {1, 0, 2});
        assertEquals(2, run("check", "-q", d.resolve("bin.c").toString()).code(), "nothing analysed");
    }

    @Test void settingsTurnRulesOffOverrideSeverityExcludeAndSuppress(@TempDir Path d) throws Exception {
        Path src = Files.createDirectories(d.resolve("mm"));
        Files.writeString(src.resolve("gup.c"), BAD);
        Files.createDirectories(d.resolve(".git"));
        Path s = d.resolve(".mmlint.json");
        String fp = json(run("check", "-q", "--no-settings", "--format", "json", src.toString())).at("/findings/0/fingerprint").asText();
        assertFalse(fp.isEmpty());

        Files.writeString(s, "{\"rules\": {\"MM002\": \"off\"}}");
        assertEquals(0, run("check", "-q", src.toString()).code(), "rule off");
        assertEquals(1, run("check", "-q", "--enable", "MM002", src.toString()).code(), "--enable wins over the settings");

        Files.writeString(s, "{\"rules\": {\"MM002\": \"error\"}}");
        assertTrue(run("check", "-q", src.toString()).out().contains(": error: "), "severity override");

        Files.writeString(s, "{\"exclude\": [\"mm/gup.c\"], \"rules\": {}}");
        assertEquals(2, run("check", "-q", src.toString()).code(), "the only file is excluded: nothing analysed");

        Files.writeString(s, "{\"suppress\": [{\"fingerprint\": \"" + fp + "\", \"reason\": \"the caller holds a head\"}]}");
        Run r = run("check", "-q", src.toString());
        assertEquals(0, r.code(), r.out());
        assertEquals(1, run("check", "-q", "--no-settings", src.toString()).code());
    }

    @Test void baselineReportsOnlyNewFindings(@TempDir Path d) throws Exception {
        Path a = Files.writeString(d.resolve("a.c"), BAD);
        Path base = d.resolve("out/base.json");
        assertEquals(1, run("check", "-q", "--no-settings", "--write-baseline", base.toString(), a.toString()).code());
        JsonNode b = new ObjectMapper().readTree(base.toFile());
        assertEquals(1, b.get("version").asInt());
        assertEquals("MM002", b.at("/findings/0/rule").asText());
        assertEquals("user_page_is_file_backed", b.at("/findings/0/function").asText());
        Run r = run("check", "-q", "--no-settings", "--baseline", base.toString(), a.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("0 new findings (1 in the baseline, 0 no longer found)"), r.out());
        Path b2 = Files.writeString(d.resolve("b.c"), BAD.replace("user_page_is_file_backed", "other"));
        r = run("check", "-q", "--no-settings", "--format", "github", "--baseline", base.toString(), a.toString(), b2.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("::warning")).count(), r.out());
        JsonNode sarif = json(run("check", "-q", "--no-settings", "--format", "sarif", "--baseline", base.toString(), b2.toString()));
        List<String> states = new ArrayList<>();
        sarif.at("/runs/0/results").forEach(x -> states.add(x.get("baselineState").asText()));
        assertEquals(List.of("new", "absent"), states);
    }

    @Test void fingerprintSurvivesUnrelatedLinesAbove(@TempDir Path d) throws Exception {
        Path a = Files.writeString(d.resolve("a.c"), BAD);
        JsonNode before = json(run("check", "-q", "--no-settings", "--format", "json", a.toString())).at("/findings/0");
        Files.writeString(a, "/* a comment */\n#define UNRELATED 1\n\nstatic int unrelated(void)\n{\n\treturn 0;\n}\n\n" + BAD);
        JsonNode after = json(run("check", "-q", "--no-settings", "--format", "json", a.toString())).at("/findings/0");
        assertEquals(before.get("line").asInt() + 8, after.get("line").asInt(), "the finding moved");
        assertEquals(before.get("fingerprint").asText(), after.get("fingerprint").asText(), "its fingerprint did not");
        assertFalse(before.get("fingerprint").asText().isEmpty());
    }

    @Test void oneAndFourJobsGiveTheSameBytes() {
        String rules = CheckGoldenTest.ROOT.resolve("test-fixtures/rules").toString();
        for (String fmt : List.of("text", "sarif")) {
            Run one = run("check", "-q", "--no-settings", "--no-cache", "--format", fmt, "--jobs", "1", rules);
            Run four = run("check", "-q", "--no-settings", "--no-cache", "--format", fmt, "--jobs", "4", rules);
            assertEquals(1, one.code());
            assertFalse(one.out().isEmpty());
            assertEquals(one.out(), four.out(), fmt);
        }
    }

    @Test void sarifGoesToStdoutWithoutOutput(@TempDir Path d) throws Exception {
        Path a = Files.writeString(d.resolve("a.c"), BAD);
        JsonNode s = json(run("check", "-q", "--no-settings", "--format", "sarif", a.toString()));
        assertEquals("2.1.0", s.get("version").asText());
        assertEquals("MM002", s.at("/runs/0/results/0/ruleId").asText());
    }

    private static JsonNode json(Run r) {
        try {
            return new ObjectMapper().readTree(r.out());
        } catch (Exception e) {
            throw new AssertionError(r.out() + r.err(), e);
        }
    }
}
