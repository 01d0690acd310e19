package dev.mmlint.report;

import dev.mmlint.engine.api.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one per finding, so that findings show as annotations on the
 * pull request without uploading SARIF:
 * <pre>::warning file=mm/gup.c,line=12,col=5,endLine=12,endColumn=19,title=MM002 tail-page-head-only-field::…</pre>
 * Values are escaped as the runner expects: {@code %}, CR, LF everywhere, and {@code :} {@code ,} in properties.
 */
public final class GithubFormatter implements Formatter {
    @Override public void write(RunResult run, Writer out) throws IOException {
        for (Finding f : run.newFindings()) {
            String level = switch (f.severity()) { case ERROR -> "error"; case WARNING -> "warning"; case NOTE -> "notice"; };
            String slug = run.rules().stream().filter(r -> r.id().equals(f.ruleId())).map(r -> " " + r.slug()).findFirst().orElse("");
            StringBuilder msg = new StringBuilder(f.message()).append(" [").append(f.ruleId()).append(']');
            if (f.fixHint() != null && !f.fixHint().isEmpty()) msg.append("\nfix: ").append(f.fixHint());
            msg.append("\nsee: rules/").append(f.ruleId()).append(" (model clause ").append(f.clause()).append("; ")
                    .append(f.applicability()).append(')');
            out.write("::" + level + " file=" + property(f.file()) + ",line=" + f.line() + ",col=" + f.column()
                    + ",endLine=" + f.endLine() + ",endColumn=" + f.endColumn()
                    + ",title=" + property(f.ruleId() + slug) + "::" + data(msg.toString()) + "\n");
        }
        for (var d : run.notAnalysed()) {
            String level = switch (d.severity()) { case ERROR -> "error"; case WARNING -> "warning"; case NOTE -> "notice"; };
            out.write("::" + level + " file=" + property(d.file()) + (d.line() > 0 ? ",line=" + d.line() : "")
                    + ",title=" + property("mmlint: not analysed") + "::" + data(d.message()) + "\n");
        }
        for (var d : run.completeness().notes())
            out.write("::notice file=" + property(d.file()) + (d.line() > 0 ? ",line=" + d.line() : "")
                    + ",title=" + property("mmlint: coverage") + "::" + data(d.message()) + "\n");
        out.write(TextFormatter.summary(run) + "\n");
    }

    /** Escaping of a workflow command's message. */
    public static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a workflow command's property value. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
