package dev.mmlint.bench.frontend;

import dev.mmlint.frontend.Frontend;
import dev.mmlint.frontend.KernelTreeFrontend;

/**
 * The front-end benchmark's "no includes" front end ({@link FrontendBenchmark.NoIncludes}, the
 * parse-only floor), made available to {@code dev.mmlint.bench} so both benchmarks measure the
 * same floor. Lives in the front-end benchmark's package (a split package on the class path) so
 * that the front end's package-private class is reused, not copied.
 */
public final class NoIncludesFloor {
    private NoIncludesFloor() {}

    /** Parses each file with no include path, no forced includes and no Kconfig; build status and names from {@code like}. */
    public static Frontend like(KernelTreeFrontend like) { return new FrontendBenchmark.NoIncludes(like); }
}
