package dev.mmlint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the golden invocations of {@code mmlint check} in one JVM whose working directory is
 * test-fixtures/cli (display paths of lone files are relative to it), writing each report and the
 * exit codes to the directory given as the only argument. Started by {@link CheckGoldenTest}.
 */
public final class CheckGoldenDriver {
    /** name of the golden file -> arguments after "check". */
    static final String[][] RUNS = {
            {"check.txt", "--format", "text", "tree"},
            {"check.json", "--format", "json", "tree"},
            {"check.sarif", "--format", "sarif", "tree"},
            {"check.github.txt", "--format", "github", "tree"},
            {"baseline.txt", "--format", "text", "--baseline", "baseline.json", "tree"},
            {"baseline.json", "--format", "json", "--baseline", "baseline.json", "tree"},
            {"baseline.sarif", "--format", "sarif", "--baseline", "baseline.json", "tree"},
            {"baseline.github.txt", "--format", "github", "--baseline", "baseline.json", "tree"},
    };

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<String> codes = new ArrayList<>();
        for (String[] r : RUNS) {
            List<String> a = new ArrayList<>(List.of("check", "--quiet", "--no-settings", "--jobs", "2", "--output", out.resolve(r[0]).toString()));
            a.addAll(List.of(r).subList(1, r.length));
            StringWriter err = new StringWriter();
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(a.toArray(String[]::new));
            codes.add(r[0] + " " + code + (err.toString().isEmpty() ? "" : " " + err.toString().strip().replace('\n', '|')));
        }
        Files.write(out.resolve("exit-codes.txt"), codes);
    }
}
