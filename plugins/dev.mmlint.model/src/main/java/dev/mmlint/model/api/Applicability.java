package dev.mmlint.model.api;

/**
 * Whether a clause (or fact) applies to a tree, and why, in words fit for a finding's {@code see:} line.
 * UNKNOWN means the tree context lacked the version or the Kconfig needed to decide.
 */
public record Applicability(Tri result, String reason) {

    /** YES or UNKNOWN: the engine should consider the knowledge. */
    public boolean mayApply() {
        return result != Tri.NO;
    }

    public boolean applies() {
        return result == Tri.YES;
    }
}
