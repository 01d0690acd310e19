package dev.mmlint.cli;

import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.lsp.MmlintLanguageServer;
import dev.mmlint.lsp.MmlintLsp;
import dev.mmlint.model.api.ReferenceModel;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmlint lsp}: a Language Server on stdin/stdout (JSON-RPC, LSP 3.17) for editors: diagnostics
 * for open C buffers, quick fixes, rule rationale on hover. See plugins/dev.mmlint.lsp/README.md.
 * Exit status: 0 after the client's shutdown and exit, 1 when the client went away without shutdown,
 * 2 invalid invocation.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the mmlint language server on stdin/stdout (for editors: Neovim, VS Code, Eclipse).",
                "Buffers inside a kernel tree are analysed with that tree's version and Kconfig; others as lone fragments."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the client sent shutdown, then exit", "1:the client exited or went away without shutdown",
                "2:invalid invocation"})
public final class LspCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Kconfig .config to use when a tree has none")
    Path config;

    @Option(names = "--kernel-version", paramLabel = "X.Y", converter = FrontendArgs.VersionConverter.class,
            description = "kernel version override (default: read from the tree's Makefile)")
    KernelVersion kernelVersion;

    @Option(names = "--compile-commands", paramLabel = "FILE", description = "compile_commands.json with per-file flags")
    Path compileCommands;

    @Option(names = "--rules", paramLabel = "FILE|DIR", description = "rule files (.mmr) to use instead of the shipped rules/")
    List<Path> rules;

    @Option(names = "--debounce", paramLabel = "MS", description = "pause after the last edit before a buffer is analysed (default: 300)")
    long debounceMs = MmlintLanguageServer.DEFAULT_DEBOUNCE_MS;

    @Option(names = "--stdio", description = "talk LSP on stdin/stdout (the default and only transport; accepted for clients that pass it)")
    boolean stdio;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (config != null && !Files.isRegularFile(config)) return usage(err, "--config: no such file: " + config);
        if (compileCommands != null && !Files.isRegularFile(compileCommands))
            return usage(err, "--compile-commands: no such file: " + compileCommands);
        if (debounceMs < 0) return usage(err, "--debounce must not be negative");
        ReferenceModel model;
        try {
            model = RulesCommand.model(rules, err);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return usage(err, e.getMessage());
        }
        FrontendOptions options = FrontendOptions.defaults().withConfig(config).withKernelVersion(kernelVersion)
                .withCompileCommands(compileCommands);
        // stdout carries the protocol and nothing else: whatever else prints goes to stderr
        PrintStream protocolOut = System.out;
        InputStream protocolIn = System.in;
        System.setOut(System.err);
        MmlintLsp.Running running = MmlintLsp.start(protocolIn, protocolOut, options, model, debounceMs, Main.VERSION);
        return running.await();
    }

    private static int usage(PrintWriter err, String msg) {
        err.println("mmlint lsp: " + msg);
        err.flush();
        return 2;
    }
}
