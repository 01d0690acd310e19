package dev.mmlint.cli;

import dev.mmlint.frontend.FrontendOptions;
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

    public FrontendOptions options() {
        return FrontendOptions.defaults().withConfig(config).withKernelVersion(kernelVersion)
                .withCompileCommands(compileCommands).withIncludeHeaders(headers);
    }

    static final class VersionConverter implements picocli.CommandLine.ITypeConverter<KernelVersion> {
        @Override public KernelVersion convert(String s) { return KernelVersion.parse(s); }
    }
}
