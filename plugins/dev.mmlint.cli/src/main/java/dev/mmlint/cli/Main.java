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

    /** The subcommands, by name, in the order the help lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = new java.util.LinkedHashMap<>();
    static {
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("coverage", CoverageCommand::new);
        SUBCOMMANDS.put("rules", RulesCommand::new);
        SUBCOMMANDS.put("review", ReviewCommand::new);
        SUBCOMMANDS.put("model", ModelCommand::new);
        SUBCOMMANDS.put("lsp", LspCommand::new);
        SUBCOMMANDS.put("merge", MergeCommand::new);
    }

    /** The command line with every subcommand registered; adapters and tests use this. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for {@code args}: when they name a subcommand, that one alone is registered (picocli builds
     * a subcommand's model from its annotations, which costs start-up time), else all of them (the top-level help
     * lists them). Parsing and output are the same: a subcommand's options and messages do not depend on the others.
     */
    static CommandLine commandLineFor(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) return commandLine(java.util.List.of(args[0]));
        return commandLine();
    }

    private static CommandLine commandLine(java.util.Collection<String> names) {
        CommandLine cl = new CommandLine(new Main());
        // a bad invocation is one clear line (and exit status 2), not the whole usage text
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("mmlint " + c.getCommandName() + ": " + ex.getMessage() + " (see 'mmlint " + c.getCommandName() + " --help')");
            c.getErr().flush();
            return 2;
        });
        for (String n : names) cl.addSubcommand(n, SUBCOMMANDS.get(n).get());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLineFor(args).execute(args));
    }

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try 'mmlint help')");
    }
}
