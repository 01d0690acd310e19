package dev.mmlint.frontend;

import java.util.List;

/**
 * Coverage honesty for one function definition: analysed cleanly, partially (some constructs were
 * problem nodes, named in {@code reasons}), or skipped (with why). NOT_BUILT: the function is in a
 * file the kernel build does not compile under the Kconfig in use; it was analysed all the same,
 * and {@code reasons} starts with {@code "not built: "} and why, followed by what would have made
 * it PARTIAL (types and fields such a file uses are often compiled out by that same Kconfig).
 */
public record FunctionCoverage(String name, int line, Status status, List<String> reasons) {
    public enum Status { CLEAN, PARTIAL, SKIPPED, NOT_BUILT }

    /** How a skipped function's reason starts (its body is in a declaration CDT could not parse). */
    public static final String SKIPPED_REASON_PREFIX = "body is inside a declaration";

    /** Reasons other than the not-built one (what would make it PARTIAL or SKIPPED). */
    public List<String> parseReasons() {
        return status == Status.NOT_BUILT && !reasons.isEmpty() ? reasons.subList(1, reasons.size()) : reasons;
    }

    /** The status the parse alone gave: for NOT_BUILT, what it would be if the file were built. */
    public Status parseStatus() {
        if (status != Status.NOT_BUILT) return status;
        List<String> r = parseReasons();
        if (r.isEmpty()) return Status.CLEAN;
        return r.stream().anyMatch(x -> x.startsWith(SKIPPED_REASON_PREFIX)) ? Status.SKIPPED : Status.PARTIAL;
    }
}
