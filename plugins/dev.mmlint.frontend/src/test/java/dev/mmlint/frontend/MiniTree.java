package dev.mmlint.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A tiny kernel tree in a temporary directory: a top Makefile, a Kbuild, kconfig.h and compiler_types.h, a .config. */
public final class MiniTree {
    private MiniTree() {}

    public static Path create(Path dir, String dotConfig, Map<String, String> files) throws IOException {
        Path root = dir.resolve("linux");
        write(root.resolve("Makefile"), "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 0\n");
        write(root.resolve("Kbuild"), "obj-y\t\t\t+= mm/\n");
        write(root.resolve("include/linux/kconfig.h"), "#define IS_ENABLED(option) 0\n");
        write(root.resolve("include/linux/compiler_types.h"), "#define __mmlint_mini 1\n");
        write(root.resolve(".config"), dotConfig);
        for (var e : files.entrySet()) write(root.resolve(e.getKey()), e.getValue());
        return root;
    }

    public static KernelTreeFrontend frontend(Path root, Path cache) throws IOException {
        return new KernelTreeFrontend(KernelTree.at(root).orElseThrow(), FrontendOptions.defaults().withCacheDir(cache));
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }
}
