package dev.mmlint.cli;

import dev.mmlint.checks.Checks;
import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.report.Formatter;
import dev.mmlint.report.JsonFormatter;
import dev.mmlint.report.LintRun;
import dev.mmlint.report.RunResult;
import dev.mmlint.report.TextFormatter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mmlint check PATH…}: lint kernel trees, subdirectories, files or lone fragments.
 * Exit status: 0 no finding at or above --fail-on, 1 findings, 2 invalid invocation or nothing analysed.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Report struct page / folio misuse in kernel C.",
                "PATH is a kernel tree, a directory inside one, .c files, or lone fragments (no tree around them)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings", "2:invalid invocation, or nothing could be analysed"})
public final class CheckCommand implements Callable<Integer> {
    @Mixin FrontendArgs in;

    @Option(names = "--format", paramLabel = "FMT", description = "text (default), json")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Option(names = "--enable", split = ",", paramLabel = "MMnnn", description = "run only these rules")
    List<String> enable;

    @Option(names = "--disable", split = ",", paramLabel = "MMnnn", description = "do not run these rules")
    List<String> disable;

    @Option(names = "--rules", paramLabel = "FILE|DIR", description = "rule files (.mmr) to use instead of the shipped rules/")
    List<Path> rules;

    @Option(names = "--confirmed-only", description = "report only findings the reference model confirmed")
    boolean confirmedOnly;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "lowest severity that makes the exit status 1 (default: note)")
    String failOn = "note";

    @Option(names = {"-q", "--quiet"}, description = "no progress on the terminal")
    boolean quiet;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Set<String> ids = Checks.all().stream().map(c -> c.info().id()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> enabled = new LinkedHashSet<>(enable == null ? ids : enable);
        if (disable != null) enabled.removeAll(disable);
        for (String r : concat(enable, disable))
            if (!ids.contains(r)) return usage(err, "unknown rule '" + r + "' (known: " + String.join(", ", ids) + ")");
        Severity failSeverity;
        try {
            failSeverity = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (!format.equals("text") && !format.equals("json")) return usage(err, "unknown format '" + format + "' (text, json)");
        if (in.paths == null || in.paths.isEmpty()) return usage(err, "no PATH given");
        for (Path p : in.paths) if (!Files.exists(p)) return usage(err, "no such file or directory: " + p);
        if (in.config != null && !Files.isRegularFile(in.config)) return usage(err, "--config: no such file: " + in.config);
        ReferenceModel model;
        try {
            model = rules == null ? Mmlint.shippedModel() : Mmlint.model(RulesCommand.ruleFiles(rules));
        } catch (IllegalArgumentException | IOException e) {
            return usage(err, e.getMessage());
        }
        boolean tty = !quiet && System.console() != null;
        int total = tty ? LintRun.count(in.paths) : 0;
        LintRun.Options o = new LintRun.Options(in.options(), new Engine.Options(enabled, Map.of(), confirmedOnly), model,
                in.jobs, tty && total > 1 ? done -> progress(err, done, total) : null);
        LintRun.Outcome out = LintRun.run(in.paths, o);
        if (tty && total > 1) err.print("\r\033[K");
        RunResult run = new RunResult(out.findings(), out.notAnalysed(), out.engine().rules(), LintRun.clauseTable(model), Map.of(),
                List.of(), out.filesAnalysed(), Main.VERSION);
        Formatter f = format.equals("json") ? new JsonFormatter() : new TextFormatter();
        try (Writer w = output == null ? new NonClosingWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            f.write(run, w);
        }
        if (output != null || !format.equals("text")) for (var d : out.notAnalysed()) err.println(d);
        err.flush();
        if (out.filesAnalysed() == 0) {
            err.println("mmlint: nothing could be analysed");
            return 2;
        }
        for (Finding x : out.findings()) if (x.severity().compareTo(failSeverity) >= 0) return 1;
        return 0;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>();
        if (a != null) r.addAll(a);
        if (b != null) r.addAll(b);
        return r;
    }

    private static int usage(PrintWriter err, String msg) {
        err.println("mmlint check: " + msg);
        err.flush();
        return 2;
    }

    private static void progress(PrintWriter err, int done, int total) {
        int width = 30, filled = done * width / total;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " files");
        err.flush();
    }

    static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer w) { super(w); }
        @Override public void close() throws IOException { flush(); }
    }

    static List<Check> checks() { return Checks.all(); }
}
