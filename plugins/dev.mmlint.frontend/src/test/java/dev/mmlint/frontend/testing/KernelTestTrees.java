package dev.mmlint.frontend.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real kernel trees the end-to-end tests read (Debian's linux-source-X.Y, unpacked by
 * scripts/kernel-sources.sh). One variable names the kernel cache for the scripts and the tests
 * alike: {@code $MMLINT_KERNELS} (default {@code ~/.cache/mmlint/kernels}), holding
 * {@code linux-source-X.Y/} and Debian's {@code config-X.Y.amd64} beside it.
 * {@code $MMLINT_KERNEL_6_12} (dots as underscores) may still name one tree directly. A missing tree
 * skips the test, naming the script; under {@code CI=true} it fails it, so CI never passes by
 * skipping. Shared by every module's tests through the front end's test jar.
 */
public final class KernelTestTrees {
    private KernelTestTrees() {}

    /** The kernel cache: {@code $MMLINT_KERNELS}, else {@code ~/.cache/mmlint/kernels}. */
    public static Path kernelsDir() {
        String env = System.getenv("MMLINT_KERNELS");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache/mmlint/kernels");
    }

    public static Path tree(String version) {
        String var = "MMLINT_KERNEL_" + version.replace('.', '_');
        String env = System.getenv(var);
        Path p = env != null && !env.isBlank() ? Path.of(env) : kernelsDir().resolve("linux-source-" + version);
        if (!Files.isRegularFile(p.resolve("Makefile"))) {
            String msg = "Linux " + version + " sources not unpacked at " + p + ": run scripts/kernel-sources.sh "
                    + version + " (it unpacks into $MMLINT_KERNELS, default ~/.cache/mmlint/kernels)";
            missing(msg);
        }
        return p;
    }

    /** Debian's config for the tree, beside it (config-6.12.amd64). */
    public static Path debianConfig(String version) {
        Path cfg = tree(version).resolveSibling("config-" + version + ".amd64");
        if (!Files.isRegularFile(cfg)) cfg = kernelsDir().resolve("config-" + version + ".amd64");
        if (!Files.isRegularFile(cfg)) missing("Debian's config for Linux " + version + " not found at " + cfg
                + ": run scripts/kernel-sources.sh " + version);
        return cfg;
    }

    /** Skips the test, or fails it under {@code CI=true}: CI never passes by skipping. */
    public static void missing(String msg) {
        if ("true".equals(System.getenv("CI"))) fail(msg);
        assumeTrue(false, msg);
    }
}
