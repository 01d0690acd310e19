package dev.mmlint.cli;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.dsl.DslDiagnostic;
import dev.mmlint.dsl.LoadResult;
import dev.mmlint.dsl.RuleSetLoader;
import dev.mmlint.model.api.ReferenceModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mmlint rules check|list|show}: the reference model's rule files. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check, list and explain the reference model's rules.",
        subcommands = {RulesCommand.CheckRules.class, RulesCommand.ListRules.class, RulesCommand.ShowRule.class})
public final class RulesCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check, list or show");
    }

    /** .mmr (and custom .java) files named directly or found under directories. */
    static List<Path> ruleFiles(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) throw new IOException("no such file or directory: " + p);
            if (Files.isDirectory(p)) out.addAll(RuleSetLoader.findRuleFiles(p));
            else out.add(p);
        }
        return out;
    }

    /**
     * The reference model a command runs with: the shipped one, or the one written in {@code rules}
     * (files or directories of .mmr files) with its diagnostics printed to {@code err}.
     * @throws IllegalArgumentException when the rule files do not make a valid model
     */
    static ReferenceModel model(List<Path> rules, PrintWriter err) throws IOException {
        if (rules == null) return Mmlint.shippedModel();
        Mmlint.Loaded loaded = Mmlint.load(ruleFiles(rules));
        for (var d : loaded.problems()) err.println(d.format());
        err.flush();
        return loaded.model();
    }

    static LoadResult load(List<Path> paths) throws IOException {
        return paths == null || paths.isEmpty() ? Mmlint.shippedRules() : Mmlint.loadRules(ruleFiles(paths));
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate rule files (default: the shipped rules/); exit 2 with every located error on failure.")
    static final class CheckRules implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", arity = "0..*") List<Path> paths;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            LoadResult r;
            try {
                r = load(paths);
            } catch (IOException e) {
                err.println("mmlint rules check: " + e.getMessage());
                return 2;
            }
            for (DslDiagnostic d : r.diagnostics()) (d.isError() ? err : out).println(d.format());
            long errors = r.diagnostics().stream().filter(DslDiagnostic::isError).count();
            out.println("rules: " + r.ruleSet().files().size() + " files, " + Mmlint.catalog(r).list().size() + " clauses, "
                    + errors + (errors == 1 ? " error" : " errors"));
            out.flush();
            err.flush();
            return errors == 0 ? 0 : 2;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One clause a line: id, rule, window, Kconfig, confidence.")
    static final class ListRules implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", arity = "0..*") List<Path> paths;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            for (var r : Mmlint.catalog(load(paths)).list())
                out.println(String.format("%-38s %s  %-14s %-36s %s", r.clauseId(), r.rule(), r.window(), r.kconfig(), r.confidence()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A clause's rationale, applicability and references.")
    static final class ShowRule implements Callable<Integer> {
        @Parameters(paramLabel = "ID") String id;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() throws IOException {
            var text = Mmlint.catalog(Mmlint.shippedRules()).show(id);
            if (text.isEmpty()) {
                spec.commandLine().getErr().println("mmlint rules show: no clause '" + id + "' (see 'mmlint rules list')");
                return 2;
            }
            spec.commandLine().getOut().println(text.get());
            return 0;
        }
    }
}
