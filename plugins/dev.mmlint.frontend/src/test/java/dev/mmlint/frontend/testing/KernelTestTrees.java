package dev.mmlint.frontend.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real kernel trees the end-to-end tests read (Debian's linux-source-X.Y, unpacked by
 * scripts/kernel-sources.sh): {@code $MMLINT_KERNEL_6_12} (dots as underscores), else
 * {@code ~/.cache/mmlint/kernels/linux-source-6.12}. A missing tree skips the test, naming the
 * script; under {@code CI=true} it fails it, so CI never passes by skipping. Shared by every
 * module's tests through the front end's test jar.
 */
public final class KernelTestTrees {
    private KernelTestTrees() {}

    public static Path tree(String version) {
        String var = "MMLINT_KERNEL_" + version.replace('.', '_');
        String env = System.getenv(var);
        Path p = env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache/mmlint/kernels/linux-source-" + version);
        if (!Files.isRegularFile(p.resolve("Makefile"))) {
            String msg = "Linux " + version + " sources not unpacked at " + p + ": run scripts/kernel-sources.sh " + version + " (or set " + var + ")";
            if ("true".equals(System.getenv("CI"))) fail(msg);
            assumeTrue(false, msg);
        }
        return p;
    }

    /** Debian's config for the tree, beside it (config-6.12.amd64). */
    public static Path debianConfig(String version) {
        return tree(version).resolveSibling("config-" + version + ".amd64");
    }
}
