package dev.mmlint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mmlint} command: a host for subcommands (check, coverage, rules; review and lsp to come).
 * Each subcommand is its own class registered in {@link #commandLine()}.
 */
@Command(name = "mmlint", mixinStandardHelpOptions = true, version = "mmlint 0.1.0-SNAPSHOT",
        description = "Static analysis of Linux kernel memory-management C (struct page, compound pages, THP, folios).",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0-SNAPSHOT";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The command line with every subcommand registered; adapters and tests use this. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // a bad invocation is one clear line (and exit status 2), not the whole usage text
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("mmlint " + c.getCommandName() + ": " + ex.getMessage() + " (see 'mmlint " + c.getCommandName() + " --help')");
            c.getErr().flush();
            return 2;
        });
        cl.addSubcommand("check", new CheckCommand());
        cl.addSubcommand("coverage", new CoverageCommand());
        cl.addSubcommand("rules", new RulesCommand());
        cl.addSubcommand("review", new ReviewCommand());
        cl.addSubcommand("model", new ModelCommand());
        cl.addSubcommand("lsp", new LspCommand());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try 'mmlint help')");
    }
}
