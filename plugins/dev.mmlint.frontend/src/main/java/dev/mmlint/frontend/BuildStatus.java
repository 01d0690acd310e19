package dev.mmlint.frontend;

/**
 * Whether the kernel build would compile a file under the Kconfig in use, as read from the
 * Kbuild {@code obj-y} / {@code obj-$(CONFIG_X)} / composite-object lines of its directory's
 * Makefile and of the parent directories' (see {@code README.md}, "Build status").
 *
 * @param verdict BUILT, NOT_BUILT, or UNKNOWN when the Makefiles could not be evaluated (a Make
 *                function, an unreadable file, a directory the top level does not list plainly)
 * @param reason  why, for NOT_BUILT and UNKNOWN: names the Makefile line and the Kconfig symbols,
 *                e.g. {@code obj-$(CONFIG_MEMCG_V1) in mm/Makefile, CONFIG_MEMCG_V1 is not set}
 */
public record BuildStatus(Verdict verdict, String reason) {
    public enum Verdict { BUILT, NOT_BUILT, UNKNOWN }

    public static BuildStatus built() { return new BuildStatus(Verdict.BUILT, ""); }

    public static BuildStatus unknown(String why) { return new BuildStatus(Verdict.UNKNOWN, why); }

    public static BuildStatus notBuilt(String why) { return new BuildStatus(Verdict.NOT_BUILT, why); }

    public boolean isNotBuilt() { return verdict == Verdict.NOT_BUILT; }
}
