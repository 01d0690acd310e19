package dev.mmlint.cli;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.checks.ModelVerify;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmlint model verify --tree DIR}: the model-drift report against a kernel tree. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Compare the reference model with a kernel tree.",
        subcommands = {ModelCommand.Verify.class})
public final class ModelCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {
            "List head-only contracts the tree asserts (VM_BUG_ON_PAGE(PageTail(page), page) at a function's start) that the model",
            "does not know, model claims whose definition in the tree asserts nothing, and model claims about functions the tree",
            "no longer defines. Exit status 0 when there is no drift, 1 when there is, 2 on bad input."})
    static final class Verify implements Callable<Integer> {
        @Option(names = "--tree", required = true, paramLabel = "DIR", description = "the kernel tree (its top Makefile gives the version)")
        Path tree;

        @Option(names = "--config", paramLabel = "FILE", description = "Kconfig .config when the tree has none")
        Path config;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            ModelVerify.Report r;
            try {
                r = ModelVerify.verify(tree, config, Mmlint.shippedModel());
            } catch (IOException e) {
                err.println("mmlint model verify: " + e.getMessage());
                err.flush();
                return 2;
            }
            for (var e : r.entries()) out.println(e);
            for (var d : r.problems()) err.println(d);
            long unknown = r.entries().stream().filter(e -> e.kind() == ModelVerify.Kind.UNKNOWN_TO_MODEL).count();
            long unasserted = r.entries().stream().filter(e -> e.kind() == ModelVerify.Kind.NO_ASSERTION_IN_TREE).count();
            long gone = r.entries().stream().filter(e -> e.kind() == ModelVerify.Kind.NOT_IN_TREE).count();
            out.println("model verify: " + r.files() + " files, " + r.functions() + " functions, " + r.contracts() + " head-only contracts in the tree; "
                    + unknown + " unknown to the model, " + unasserted + " model claims not asserted, " + gone + " not found in the tree");
            out.flush();
            err.flush();
            return r.entries().isEmpty() ? 0 : 1;
        }
    }
}
