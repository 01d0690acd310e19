package dev.mmlint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.engine.api.TextEdit;
import java.io.IOException;
import java.io.Writer;

/** mmlint's own JSON: one object with findings, not-analysed inputs and the rule table. */
public final class JsonFormatter implements Formatter {
    static final ObjectMapper M = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Override public void write(RunResult run, Writer out) throws IOException {
        ObjectNode root = M.createObjectNode();
        root.put("tool", "mmlint");
        root.put("version", run.toolVersion());
        root.put("filesAnalysed", run.filesAnalysed());
        if (!run.baselineState().isEmpty()) {
            ObjectNode b = root.putObject("baseline");
            b.put("new", run.newFindings().size());
            b.put("unchanged", run.findings().size() - run.newFindings().size());
            ArrayNode gone = b.putArray("absent");
            for (Baseline.Entry e : run.absent()) gone.add(e.fingerprint());
        }
        ArrayNode fs = root.putArray("findings");
        for (Finding f : run.newFindings()) {
            ObjectNode o = fs.addObject();
            o.put("rule", f.ruleId());
            o.put("severity", f.severity().label());
            o.put("confidence", f.confidence().label());
            o.put("file", f.file());
            o.put("function", f.function());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("endLine", f.endLine());
            o.put("endColumn", f.endColumn());
            o.put("message", f.message());
            o.put("clause", f.clause());
            o.put("applicability", f.applicability());
            o.put("confirmed", f.confirmed());
            o.put("confirmation", f.confirmation());
            o.put("fingerprint", f.fingerprint());
            if (f.fixHint() != null) o.put("fixHint", f.fixHint());
            String bs = run.baselineState().get(f.fingerprint());
            if (bs != null) o.put("baselineState", bs);
            ArrayNode ev = o.putArray("evidence");
            for (Evidence e : f.evidence()) ev.addObject().put("line", e.line()).put("column", e.column()).put("message", e.message());
            ArrayNode w = o.putArray("witness");
            f.witness().forEach(w::add);
            ArrayNode fx = o.putArray("fixes");
            for (Fix x : f.fixes()) {
                ObjectNode xo = fx.addObject().put("description", x.description());
                ArrayNode ed = xo.putArray("edits");
                for (TextEdit t : x.edits()) ed.addObject().put("offset", t.offset()).put("length", t.length()).put("replacement", t.replacement());
            }
        }
        ArrayNode na = root.putArray("notAnalysed");
        for (var d : run.notAnalysed())
            na.addObject().put("file", d.file()).put("line", d.line()).put("severity", d.severity().name().toLowerCase()).put("message", d.message());
        ArrayNode notes = root.putArray("notes");
        for (var d : run.completeness().notes())
            notes.addObject().put("file", d.file()).put("line", d.line()).put("severity", "note").put("message", d.message());
        root.put("overBudget", run.completeness().overBudget());
        ArrayNode rules = root.putArray("rules");
        for (var r : run.rules())
            rules.addObject().put("id", r.id()).put("name", r.slug()).put("severity", r.severity().label())
                    .put("confidence", r.confidence().label()).put("summary", r.summary());
        M.writeValue(new NonClosing(out), root);
        out.write("\n");
    }

    /** Jackson closes what it writes to; the caller owns the writer. */
    static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) { super(w); }
        @Override public void close() throws IOException { flush(); }
    }
}
