package dev.mmlint.cli;

import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.review.ReviewRun;
import java.io.IOException;
import java.io.OutputStreamWriter;
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

/**
 * {@code mmlint review INPUT…}: review a patch series (diffs, format-patch files, an mbox) and answer
 * like a linux-mm reviewer, commenting only on what the series introduces. A thin adapter over
 * {@link ReviewRun}.
 */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Review a patch series: report the struct page / folio misuse it introduces.",
                "INPUT is a unified diff, a git format-patch file, several of them, or an mbox (b4 am, a mail client)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the series introduces no finding", "1:the series introduces findings",
                "2:invalid invocation, or nothing could be reviewed"})
public final class ReviewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "patches, a series, or an mbox")
    List<Path> inputs;

    @Option(names = "--tree", paramLabel = "DIR",
            description = "the base kernel tree: apply the series in memory (the tree is only read) and judge it under that tree's version")
    Path tree;

    @Option(names = "--format", paramLabel = "FMT", description = "review (default: a plain-text reply), json, sarif, github")
    String format = "review";

    @Option(names = "--kernel-version", paramLabel = "X.Y", converter = FrontendArgs.VersionConverter.class,
            description = "kernel version the patches are judged under (default: the tree's; unknown without a tree)")
    KernelVersion kernelVersion;

    @Option(names = "--config", paramLabel = "FILE", description = "Kconfig .config to use when the tree has none")
    Path config;

    @Option(names = "--show-fixed", description = "also list the findings the series fixes, as notes")
    boolean showFixed;

    @Option(names = "--output", paramLabel = "FILE", description = "write the review here instead of stdout")
    Path output;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        var q = new ReviewRun.Request(inputs, tree, format, kernelVersion, config, showFixed, Main.VERSION);
        try (Writer w = output == null ? new CheckCommand.NonClosingWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            return ReviewRun.run(q, w, err);
        }
    }
}
