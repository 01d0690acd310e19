package dev.mmlint.cli;

import dev.mmlint.frontend.Budgets;
import dev.mmlint.frontend.FrontendOptions;
import java.time.Duration;
import dev.mmlint.model.api.KernelVersion;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every subcommand that parses C shares (a picocli mixin). */
public final class FrontendArgs {
    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "kernel tree, directory inside one, C files, or lone fragments")
    public List<Path> paths;

    @Option(names = "--config", paramLabel = "FILE", description = "Kconfig .config to use when the tree has none")
    public Path config;

    @Option(names = "--kernel-version", paramLabel = "X.Y", converter = VersionConverter.class,
            description = "kernel version override (default: read from the tree's Makefile)")
    public KernelVersion kernelVersion;

    @Option(names = "--compile-commands", paramLabel = "FILE", description = "compile_commands.json with per-file flags")
    public Path compileCommands;

    @Option(names = "--jobs", paramLabel = "N", description = "parallel parses (default: number of cores)")
    public int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--headers", description = "also analyse .h files found under directories")
    public boolean headers;

    @Option(names = "--time-budget", paramLabel = "TIME", converter = TimeConverter.class,
            description = "time one file may take (parse and analysis) before it is reported as not analysed: 60s (default), 500ms, 2m, off")
    public Duration timeBudget;

    @Option(names = "--function-budget", paramLabel = "TIME", converter = TimeConverter.class,
            description = "time one function's analysis may take (default 10s; off: none)")
    public Duration functionBudget;

    @Option(names = "--memory-budget", paramLabel = "SIZE", converter = MemoryConverter.class,
            description = "heap one file may hold: 50%% (default, of the maximum heap), 2g, 512m, off")
    public Budgets.Memory memoryBudget;

    /** The budgets given on the command line (what is not given: the settings file's, then the defaults). */
    public Budgets budgets() { return new Budgets(timeBudget, functionBudget, memoryBudget); }

    public FrontendOptions options() {
        return FrontendOptions.defaults().withConfig(config).withKernelVersion(kernelVersion)
                .withCompileCommands(compileCommands).withIncludeHeaders(headers).withBudgets(budgets());
    }

    static final class TimeConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override public Duration convert(String s) {
            try {
                return Budgets.parseTime(s);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class MemoryConverter implements picocli.CommandLine.ITypeConverter<Budgets.Memory> {
        @Override public Budgets.Memory convert(String s) {
            try {
                return Budgets.parseMemory(s);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class VersionConverter implements picocli.CommandLine.ITypeConverter<KernelVersion> {
        @Override public KernelVersion convert(String s) { return KernelVersion.parse(s); }
    }
}
