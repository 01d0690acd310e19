package dev.mmlint.frontend;

import dev.mmlint.model.api.KernelVersion;
import java.nio.file.Path;

/**
 * What the analysed code is compiled as: the kernel version and the Kconfig values, each with where
 * it came from (the tree's Makefile, a .config, a command-line override, or nothing known).
 * A null version means unknown: version-gated clauses then apply conservatively, and say so.
 *
 * @param filesystem the directory of the file system the analysed file belongs to ({@code fs/<name>} of its
 *                   kernel tree, or the directory a fragment states with {@code mmlint-filesystem:}), whose
 *                   sources say whether its own mappings may hold large folios; null when the file lies in no
 *                   such directory (mm/, lib/, drivers/, fs/*.c) or nothing is known
 */
public record KernelContext(KernelVersion version, String versionSource, KernelConfig config, Path filesystem) {
    public KernelContext(KernelVersion version, String versionSource, KernelConfig config) {
        this(version, versionSource, config, null);
    }

    public static KernelContext unknown() {
        return new KernelContext(null, "unknown", KernelConfig.empty("no Kconfig known"));
    }

    public KernelContext withVersion(KernelVersion v, String why) { return new KernelContext(v, why, config, filesystem); }

    public KernelContext withConfig(KernelConfig c) { return new KernelContext(version, versionSource, c, filesystem); }

    /** The same context for a file of the file system in directory {@code dir} (null: none). */
    public KernelContext withFilesystem(Path dir) { return new KernelContext(version, versionSource, config, dir); }
}
