package dev.mmlint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.frontend.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), for GitHub code scanning and SARIF viewers. One run; the rule table is derived
 * from {@link RuleInfo} and the rationale files shipped in the checks jar; every result carries the
 * finding's fingerprint as {@code partialFingerprints["mmlint/v1"]}; files that could not be analysed
 * are tool execution notifications. Paths are relative to {@code %SRCROOT%} (the tree root, or the
 * working directory for lone files).
 */
public final class SarifFormatter implements Formatter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Where the project lives; rule help links point into its rationale directory. */
    static final String RATIONALE_RESOURCE = "/dev/mmlint/checks/rationale/";

    @Override public void write(RunResult run, Writer out) throws IOException {
        ObjectNode root = JsonFormatter.M.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode r = root.putArray("runs").addObject();
        ObjectNode driver = r.putObject("tool").putObject("driver");
        driver.put("name", "mmlint");
        driver.put("version", run.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo ri : run.rules()) {
            index.put(ri.id(), rules.size());
            rules.add(rule(ri, run.ruleClauses().getOrDefault(ri.id(), List.of())));
        }
        ObjectNode inv = r.putArray("invocations").addObject();
        inv.put("executionSuccessful", run.filesAnalysed() > 0);
        ArrayNode notes = inv.putArray("toolExecutionNotifications");
        for (Diagnostic d : run.notAnalysed()) {
            ObjectNode n = notes.addObject();
            n.put("level", switch (d.severity()) { case ERROR -> "error"; case WARNING -> "warning"; case NOTE -> "note"; });
            n.putObject("message").put("text", "not analysed: " + d.message());
            ObjectNode pl = n.putArray("locations").addObject().putObject("physicalLocation");
            artifact(pl.putObject("artifactLocation"), d.file());
            if (d.line() > 0) {
                ObjectNode reg = pl.putObject("region").put("startLine", d.line());
                if (d.column() > 0) reg.put("startColumn", d.column());
            }
        }
        r.putObject("originalUriBaseIds").putObject("SRCROOT").putObject("description")
                .put("text", "the root of the analysed kernel tree (or the working directory for files outside one)");
        r.put("columnKind", "utf16CodeUnits");
        ArrayNode results = r.putArray("results");
        for (Finding f : run.findings()) results.add(result(run, f, index));
        for (Baseline.Entry e : run.absent()) {
            ObjectNode o = results.addObject();
            o.put("ruleId", e.rule());
            if (index.containsKey(e.rule())) o.put("ruleIndex", index.get(e.rule()));
            o.putObject("message").put("text", e.message());
            ObjectNode pl = o.putArray("locations").addObject().putObject("physicalLocation");
            artifact(pl.putObject("artifactLocation"), e.file());
            if (e.line() > 0) pl.putObject("region").put("startLine", e.line());
            o.putObject("partialFingerprints").put("mmlint/v1", e.fingerprint());
            o.put("baselineState", "absent");
        }
        JsonFormatter.M.writeValue(new JsonFormatter.NonClosing(out), root);
        out.write("\n");
    }

    private static ObjectNode rule(RuleInfo ri, List<String> clauses) {
        ObjectNode o = JsonFormatter.M.createObjectNode();
        o.put("id", ri.id());
        o.put("name", ri.slug());
        o.putObject("shortDescription").put("text", ri.summary());
        String md = rationale(ri.id());
        String what = md == null ? null : section(md, "What");
        o.putObject("fullDescription").put("text", what == null ? ri.summary() : what);
        if (md != null) o.putObject("help").put("text", md).put("markdown", md);
        o.putObject("defaultConfiguration").put("level", level(ri.severity()));
        ObjectNode p = o.putObject("properties");
        p.put("confidence", ri.confidence().label());
        p.put("rationale", ri.rationalePath());
        ArrayNode cl = p.putArray("clauses");
        clauses.forEach(cl::add);
        p.putArray("tags").add("linux-mm").add("correctness");
        return o;
    }

    private static ObjectNode result(RunResult run, Finding f, Map<String, Integer> index) {
        ObjectNode o = JsonFormatter.M.createObjectNode();
        o.put("ruleId", f.ruleId());
        if (index.containsKey(f.ruleId())) o.put("ruleIndex", index.get(f.ruleId()));
        o.put("level", level(f.severity()));
        o.putObject("message").put("text", f.message());
        ObjectNode loc = o.putArray("locations").addObject();
        ObjectNode pl = loc.putObject("physicalLocation");
        artifact(pl.putObject("artifactLocation"), f.file());
        region(pl, f.line(), f.column(), f.endLine(), f.endColumn());
        if (f.function() != null && !f.function().isEmpty())
            loc.putArray("logicalLocations").addObject().put("name", f.function()).put("kind", "function");
        if (!f.evidence().isEmpty()) {
            ArrayNode rel = o.putArray("relatedLocations");
            int id = 1;
            for (Evidence e : f.evidence()) {
                ObjectNode x = rel.addObject().put("id", id++);
                ObjectNode xp = x.putObject("physicalLocation");
                artifact(xp.putObject("artifactLocation"), f.file());
                region(xp, e.line(), e.column(), 0, 0);
                x.putObject("message").put("text", e.message());
            }
            // the story as a code flow: where the value came from, then the use
            ArrayNode steps = o.putArray("codeFlows").addObject().putArray("threadFlows").addObject().putArray("locations");
            for (Evidence e : f.evidence()) {
                ObjectNode l = steps.addObject().putObject("location");
                ObjectNode sp = l.putObject("physicalLocation");
                artifact(sp.putObject("artifactLocation"), f.file());
                region(sp, e.line(), e.column(), 0, 0);
                l.putObject("message").put("text", e.message());
            }
            ObjectNode l = steps.addObject().putObject("location");
            ObjectNode sp = l.putObject("physicalLocation");
            artifact(sp.putObject("artifactLocation"), f.file());
            region(sp, f.line(), f.column(), f.endLine(), f.endColumn());
            l.putObject("message").put("text", f.message());
        }
        o.putObject("partialFingerprints").put("mmlint/v1", f.fingerprint());
        String bs = run.baselineState().get(f.fingerprint());
        if (bs != null) o.put("baselineState", bs);
        if (!f.fixes().isEmpty()) {
            ArrayNode fixes = o.putArray("fixes");
            for (Fix x : f.fixes()) {
                ObjectNode fo = fixes.addObject();
                fo.putObject("description").put("text", x.description());
                ObjectNode ch = fo.putArray("artifactChanges").addObject();
                artifact(ch.putObject("artifactLocation"), f.file());
                ArrayNode rep = ch.putArray("replacements");
                for (TextEdit t : x.edits()) {
                    ObjectNode ro = rep.addObject();
                    ro.putObject("deletedRegion").put("charOffset", t.offset()).put("charLength", t.length());
                    ro.putObject("insertedContent").put("text", t.replacement());
                }
            }
        }
        ObjectNode p = o.putObject("properties");
        p.put("function", f.function());
        p.put("clause", f.clause());
        p.put("applicability", f.applicability());
        p.put("confidence", f.confidence().label());
        p.put("confirmed", f.confirmed());
        p.put("confirmation", f.confirmation());
        if (f.fixHint() != null && !f.fixHint().isEmpty()) p.put("fixHint", f.fixHint());
        ArrayNode w = p.putArray("witness");
        f.witness().forEach(w::add);
        return o;
    }

    static String level(Severity s) {
        return switch (s) { case ERROR -> "error"; case WARNING -> "warning"; case NOTE -> "note"; };
    }

    private static void region(ObjectNode physical, int line, int col, int endLine, int endCol) {
        if (line < 1) return;
        ObjectNode r = physical.putObject("region").put("startLine", line);
        if (col > 0) r.put("startColumn", col);
        if (endLine >= line) {
            r.put("endLine", endLine);
            if (endCol > 0 && (endLine > line || endCol >= Math.max(col, 1))) r.put("endColumn", endCol);
        }
    }

    /** Relative display paths under %SRCROOT%; absolute ones as file: URIs. */
    static void artifact(ObjectNode a, String file) {
        String p = file.replace('\\', '/');
        try {
            if (p.startsWith("/")) a.put("uri", new URI("file", "", p, null).toASCIIString());
            else {
                a.put("uri", new URI(null, null, p, null).toASCIIString());
                a.put("uriBaseId", "SRCROOT");
            }
        } catch (URISyntaxException e) {
            a.put("uri", p);
        }
    }

    /** The rationale markdown of a rule from the checks jar, or null when it is not there. */
    public static String rationale(String id) {
        try (InputStream in = SarifFormatter.class.getResourceAsStream(RATIONALE_RESOURCE + id + ".md")) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The body of a "## name" section, trimmed, or null. */
    static String section(String md, String name) {
        int i = md.indexOf("\n## " + name + "\n");
        if (i < 0) return null;
        int s = i + name.length() + 5;
        int e = md.indexOf("\n## ", s);
        return (e < 0 ? md.substring(s) : md.substring(s, e)).trim();
    }
}
