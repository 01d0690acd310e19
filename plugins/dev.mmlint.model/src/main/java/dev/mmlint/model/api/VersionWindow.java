package dev.mmlint.model.api;

import java.util.Optional;

/**
 * A half-open window of kernel releases {@code [since, before)}; either bound may be absent (open).
 * {@code before} is exclusive: "before 6.18" means the clause does not hold in 6.18-rc1 and later.
 */
public record VersionWindow(KernelVersion since, KernelVersion before) {

    public static final VersionWindow ALL = new VersionWindow(null, null);

    /** Parses optional bound strings (null or blank = open); throws IllegalArgumentException when malformed. */
    public static VersionWindow parse(String since, String before) {
        return new VersionWindow(blank(since) ? null : KernelVersion.parse(since),
                blank(before) ? null : KernelVersion.parse(before));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public boolean isEmpty() {
        if (since == null || before == null) return false;
        // compare on major.minor(.rc): "since 6.1 before 6.1" is empty
        return since.compareTo(lowerBound(before)) >= 0;
    }

    public boolean contains(KernelVersion v) {
        if (since != null && v.compareTo(lowerBound(since)) < 0) return false;
        if (before != null && v.compareTo(lowerBound(before)) >= 0) return false;
        return true;
    }

    /** The earliest release of a major.minor line: "6.18" starts at 6.18-rc1. */
    private static KernelVersion lowerBound(KernelVersion v) {
        return v.rc() == 0 && v.patch() == 0 ? new KernelVersion(v.major(), v.minor(), 0, 1) : v;
    }

    public Optional<VersionWindow> intersect(VersionWindow o) {
        KernelVersion s = max(since, o.since);
        KernelVersion b = min(before, o.before);
        VersionWindow w = new VersionWindow(s, b);
        return w.isEmpty() ? Optional.empty() : Optional.of(w);
    }

    public boolean overlaps(VersionWindow o) {
        return intersect(o).isPresent();
    }

    /** True when every release in this window is also in {@code outer}. */
    public boolean within(VersionWindow outer) {
        if (outer.since != null && (since == null || since.isBefore(outer.since))) return false;
        if (outer.before != null && (before == null || outer.before.isBefore(before))) return false;
        return true;
    }

    private static KernelVersion max(KernelVersion a, KernelVersion b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static KernelVersion min(KernelVersion a, KernelVersion b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Kernel-voice rendering: "all kernels", "4.5+", "< 6.18", "4.5 .. < 6.18". */
    @Override
    public String toString() {
        if (since == null && before == null) return "all kernels";
        if (before == null) return since + "+";
        if (since == null) return "< " + before;
        return since + " .. < " + before;
    }
}
