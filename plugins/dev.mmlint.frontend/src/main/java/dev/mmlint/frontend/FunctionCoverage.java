package dev.mmlint.frontend;

import java.util.List;

/**
 * Coverage honesty for one function definition: analysed cleanly, partially (some constructs were
 * problem nodes, named in {@code reasons}), or skipped (with why).
 */
public record FunctionCoverage(String name, int line, Status status, List<String> reasons) {
    public enum Status { CLEAN, PARTIAL, SKIPPED }
}
