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
 */
public record FrontendOptions(Path config, KernelVersion kernelVersion, Path compileCommands, Path cacheDir,
                              boolean headerBodies, boolean includeHeaders) {
    public static FrontendOptions defaults() { return new FrontendOptions(null, null, null, null, false, false); }

    public FrontendOptions withConfig(Path c) { return new FrontendOptions(c, kernelVersion, compileCommands, cacheDir, headerBodies, includeHeaders); }
    public FrontendOptions withKernelVersion(KernelVersion v) { return new FrontendOptions(config, v, compileCommands, cacheDir, headerBodies, includeHeaders); }
    public FrontendOptions withCompileCommands(Path c) { return new FrontendOptions(config, kernelVersion, c, cacheDir, headerBodies, includeHeaders); }
    public FrontendOptions withCacheDir(Path c) { return new FrontendOptions(config, kernelVersion, compileCommands, c, headerBodies, includeHeaders); }
    public FrontendOptions withHeaderBodies(boolean b) { return new FrontendOptions(config, kernelVersion, compileCommands, cacheDir, b, includeHeaders); }
    public FrontendOptions withIncludeHeaders(boolean b) { return new FrontendOptions(config, kernelVersion, compileCommands, cacheDir, headerBodies, b); }
}
