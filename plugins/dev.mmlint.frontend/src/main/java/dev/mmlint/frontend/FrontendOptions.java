package dev.mmlint.frontend;

import dev.mmlint.model.api.KernelVersion;

import java.nio.file.Path;

/**
 * How to obtain front-ends for a set of paths.
 *
 * @param config           a .config to use when a tree has none of its own (null: built-in default)
 * @param kernelVersion    overrides the version read from the tree's Makefile (null: read it)
 * @param compileCommands  a compile_commands.json whose flags win for the files it lists (null: none)
 * @param cacheDir         where generated headers go (null: $MMLINT_CACHE or ~/.cache/mmlint)
 * @param headerBodies     parse bodies of inline functions in headers too (slower; off by default)
 * @param includeHeaders   walk .h files as well as .c files when expanding directories
 * @param budgets          time and memory budgets per file and function (components not set: the
 *                         project's settings, then {@link Budgets#DEFAULTS}); whoever runs a file opens them
 */
public record FrontendOptions(Path config, KernelVersion kernelVersion, Path compileCommands, Path cacheDir,
                              boolean headerBodies, boolean includeHeaders, Budgets budgets) {
    public FrontendOptions(Path config, KernelVersion kernelVersion, Path compileCommands, Path cacheDir,
                           boolean headerBodies, boolean includeHeaders) {
        this(config, kernelVersion, compileCommands, cacheDir, headerBodies, includeHeaders, Budgets.UNSET);
    }

    public FrontendOptions {
        if (budgets == null) budgets = Budgets.UNSET;
    }

    public static FrontendOptions defaults() { return new FrontendOptions(null, null, null, null, false, false); }

    public FrontendOptions withBudgets(Budgets b) { return new FrontendOptions(config, kernelVersion, compileCommands, cacheDir, headerBodies, includeHeaders, b); }

    public FrontendOptions withConfig(Path c) { return new FrontendOptions(c, kernelVersion, compileCommands, cacheDir, headerBodies, includeHeaders, budgets); }
    public FrontendOptions withKernelVersion(KernelVersion v) { return new FrontendOptions(config, v, compileCommands, cacheDir, headerBodies, includeHeaders, budgets); }
    public FrontendOptions withCompileCommands(Path c) { return new FrontendOptions(config, kernelVersion, c, cacheDir, headerBodies, includeHeaders, budgets); }
    public FrontendOptions withCacheDir(Path c) { return new FrontendOptions(config, kernelVersion, compileCommands, c, headerBodies, includeHeaders, budgets); }
    public FrontendOptions withHeaderBodies(boolean b) { return new FrontendOptions(config, kernelVersion, compileCommands, cacheDir, b, includeHeaders, budgets); }
    public FrontendOptions withIncludeHeaders(boolean b) { return new FrontendOptions(config, kernelVersion, compileCommands, cacheDir, headerBodies, b, budgets); }
}
