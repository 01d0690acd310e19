package dev.mmlint.cli;

import dev.mmlint.report.SarifMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mmlint merge}: the SARIF logs of a sharded scan made one, each finding once by its fingerprint. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge the SARIF logs of a sharded or many-config scan (check --format sarif) into one:",
                "one run, every rule once, every finding once by its mmlint/v1 fingerprint, a baseline entry",
                "absent only when no shard found it, results ordered by file and line."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every input merged", "2:invalid invocation, or no input could be merged",
                "3:some inputs could not be merged (the rest are, and the merged log is written)"})
public final class MergeCommand implements Callable<Integer> {
    @Option(names = "--output", paramLabel = "FILE", description = "write the merged log here instead of stdout")
    Path output;

    @Parameters(paramLabel = "SARIF", arity = "1..*", description = "SARIF logs written by mmlint check --format sarif")
    List<Path> inputs;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        SarifMerge.Outcome o = SarifMerge.merge(inputs);
        for (String p : o.problems()) err.println("mmlint merge: " + p);
        for (String w : o.warnings()) err.println("mmlint merge: warning: " + w);
        if (o.log() == null) {
            err.println("mmlint merge: nothing could be merged");
            err.flush();
            return 2;
        }
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        }
        try (Writer w = output == null ? new CheckCommand.NonClosingWriter(spec.commandLine().getOut())
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            SarifMerge.write(o.log(), w);
        }
        err.println("mmlint merge: " + o.results() + " results from " + o.merged() + (o.merged() == 1 ? " run" : " runs")
                + " (" + o.duplicates() + " duplicates folded)" + (o.problems().isEmpty() ? "" : ", " + o.problems().size() + " not merged"));
        err.flush();
        return o.problems().isEmpty() ? 0 : 3;
    }
}
