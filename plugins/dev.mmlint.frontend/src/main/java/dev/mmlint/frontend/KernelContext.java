package dev.mmlint.frontend;

import dev.mmlint.model.api.KernelVersion;

/**
 * What the analysed code is compiled as: the kernel version and the Kconfig values, each with where
 * it came from (the tree's Makefile, a .config, a command-line override, or nothing known).
 * A null version means unknown: version-gated clauses then apply conservatively, and say so.
 */
public record KernelContext(KernelVersion version, String versionSource, KernelConfig config) {
    public static KernelContext unknown() {
        return new KernelContext(null, "unknown", KernelConfig.empty("no Kconfig known"));
    }

    public KernelContext withVersion(KernelVersion v, String why) { return new KernelContext(v, why, config); }

    public KernelContext withConfig(KernelConfig c) { return new KernelContext(version, versionSource, c); }
}
