package dev.mmlint.model.sim;

/**
 * A broken model clause at a step of a replay.
 *
 * @param clauseId the model clause backing the broken expectation in the simulated tree, or a
 *                 {@code sim.*} id for invariants no clause states (e.g. sim.use-after-free)
 * @param rule     the rule id of that clause, or the kind's default rule
 * @param step     0-based index of the operation; the witness length for end-of-path checks (leaks)
 */
public record Violation(ViolationKind kind, String clauseId, String rule, int step, String explanation) {

    @Override
    public String toString() {
        return "step " + step + ": " + kind.summary() + " [" + rule + ", " + clauseId + "]: " + explanation;
    }
}
