package dev.mmlint.model.sim;

/** The outcome of replaying a finding's witness. */
public sealed interface SimResult {

    /** The witness breaks {@code clauseId} at {@code stepIndex}. */
    record Confirmed(String clauseId, int stepIndex, String explanation, Violation violation) implements SimResult {
    }

    /** The witness runs without breaking the expected clause, or is not a possible execution. */
    record NotConfirmed(String reason) implements SimResult {
    }

    default boolean confirmed() {
        return this instanceof Confirmed;
    }
}
