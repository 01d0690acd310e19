package dev.mmlint.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmlint merge}: shards of one scan, each a real {@code check --format sarif}, merged into the log a
 * single run over all files gives (same findings, each once), whatever the order of the shards.
 */
class MergeCommandTest {
    private static final ObjectMapper M = new ObjectMapper();

    /** Three lone files with findings, a fourth without; each function name makes its own fingerprint. */
    private static List<Path> files(Path dir) throws Exception {
        List<Path> out = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            Path f = dir.resolve(name + ".c");
            Files.writeString(f, CheckCommandTest.BAD.replace("user_page_is_file_backed", name + "_user_page_is_file_backed"));
            out.add(f);
        }
        Path ok = dir.resolve("ok.c");
        Files.writeString(ok, CheckCommandTest.OK);
        out.add(ok);
        return out;
    }

    private static Path check(Path dir, String name, List<String> extra, Path... files) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("check", "--no-settings", "--no-cache", "--format", "sarif", "--output", out.toString()));
        args.addAll(extra);
        for (Path f : files) args.add(f.toString());
        CheckCommandTest.Run r = CheckCommandTest.run(args.toArray(String[]::new));
        assertTrue(r.code() == 0 || r.code() == 1, () -> "check failed: " + r.err());
        return out;
    }

    private static Set<String> fingerprints(JsonNode log) {
        Set<String> s = new TreeSet<>();
        for (JsonNode r : log.path("runs").path(0).path("results")) s.add(r.path("partialFingerprints").path("mmlint/v1").asText());
        return s;
    }

    @Test void shardsMergeToTheFindingsOfOneRunEachOnceInAnyOrder(@TempDir Path d) throws Exception {
        List<Path> f = files(d);
        Path whole = check(d, "whole.sarif", List.of(), f.toArray(Path[]::new));
        // c.c is in both shards (a file built under two configurations): its finding is one result
        Path s1 = check(d, "s1.sarif", List.of(), f.get(0), f.get(2));
        Path s2 = check(d, "s2.sarif", List.of(), f.get(1), f.get(2), f.get(3));

        CheckCommandTest.Run r = CheckCommandTest.run("merge", s1.toString(), s2.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode merged = M.readTree(r.out());
        JsonNode one = M.readTree(Files.readString(whole));
        assertEquals(3, fingerprints(one).size());
        assertEquals(fingerprints(one), fingerprints(merged));
        assertEquals(3, merged.path("runs").path(0).path("results").size());
        assertTrue(r.err().contains("3 results from 2 runs (1 duplicates folded)"), r.err());
        // every rule once, and each result's ruleIndex points at its rule
        JsonNode run = merged.path("runs").path(0);
        Set<String> ids = new TreeSet<>();
        for (JsonNode rule : run.path("tool").path("driver").path("rules")) assertTrue(ids.add(rule.path("id").asText()));
        for (JsonNode res : run.path("results"))
            assertEquals(res.path("ruleId").asText(), run.path("tool").path("driver").path("rules").path(res.path("ruleIndex").asInt()).path("id").asText());
        assertTrue(run.path("invocations").path(0).path("executionSuccessful").asBoolean());

        CheckCommandTest.Run reversed = CheckCommandTest.run("merge", s2.toString(), s1.toString());
        assertEquals(r.out(), reversed.out(), "the merged log does not depend on the order of the shards");
    }

    @Test void aBaselineEntryIsAbsentOnlyWhenNoShardFoundIt(@TempDir Path d) throws Exception {
        List<Path> f = files(d);
        Path baseline = d.resolve("baseline.json");
        assertEquals(1, CheckCommandTest.run("check", "--no-settings", "--no-cache", "--write-baseline", baseline.toString(),
                f.get(0).toString(), f.get(1).toString(), f.get(2).toString()).code());
        // c.c has been fixed since the baseline: only its entry is absent for real
        Files.writeString(f.get(2), CheckCommandTest.OK.replace("ok(", "c_ok("));
        Path s1 = check(d, "s1.sarif", List.of("--baseline", baseline.toString()), f.get(0));
        Path s2 = check(d, "s2.sarif", List.of("--baseline", baseline.toString()), f.get(1), f.get(2));
        JsonNode shard1 = M.readTree(Files.readString(s1));
        long absentInShard1 = 0;
        for (JsonNode res : shard1.path("runs").path(0).path("results")) if ("absent".equals(res.path("baselineState").asText())) absentInShard1++;
        assertEquals(2, absentInShard1, "shard 1 alone takes b.c's and c.c's entries for absent");

        CheckCommandTest.Run r = CheckCommandTest.run("merge", s1.toString(), s2.toString());
        assertEquals(0, r.code(), r.err());
        List<String> states = new ArrayList<>();
        for (JsonNode res : M.readTree(r.out()).path("runs").path(0).path("results"))
            states.add(res.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asText().replaceAll(".*/", "")
                    + " " + res.path("baselineState").asText());
        assertEquals(List.of("a.c unchanged", "b.c unchanged", "c.c absent"), states);
    }

    @Test void inputsThatAreNoMmlintSarifAreNamedAndTheRestMerged(@TempDir Path d) throws Exception {
        List<Path> f = files(d);
        Path good = check(d, "good.sarif", List.of(), f.get(0));
        Path malformed = Files.writeString(d.resolve("malformed.sarif"), "{\"version\": \"2.1.0\",\n \"runs\": [\n");
        Path other = Files.writeString(d.resolve("other.sarif"),
                "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"cppcheck\"}}, \"results\": []}]}");
        Path old = Files.writeString(d.resolve("old.sarif"), "{\"version\": \"2.0.0\", \"runs\": []}");
        Path binary = Files.write(d.resolve("binary.sarif"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Path out = d.resolve("out").resolve("merged.sarif");

        CheckCommandTest.Run r = CheckCommandTest.run("merge", "--output", out.toString(), malformed.toString(), good.toString(),
                other.toString(), old.toString(), binary.toString(), d.resolve("missing.sarif").toString());
        assertEquals(3, r.code(), r.err());
        String err = r.err();
        assertTrue(err.contains(malformed + ":3:1: not a SARIF log: malformed JSON"), err);
        assertTrue(err.contains(other + ": runs[0] was written by 'cppcheck', not mmlint; not merged"), err);
        assertTrue(err.contains(old + ": not a SARIF 2.1.0 log"), err);
        assertTrue(err.contains(binary + ": not a SARIF log"), err);
        assertTrue(err.contains("missing.sarif: no such file"), err);
        assertEquals(fingerprints(M.readTree(Files.readString(good))), fingerprints(M.readTree(Files.readString(out))));

        CheckCommandTest.Run none = CheckCommandTest.run("merge", malformed.toString(), other.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("mmlint merge: nothing could be merged"), none.err());
        assertEquals("", none.out());
    }
}
