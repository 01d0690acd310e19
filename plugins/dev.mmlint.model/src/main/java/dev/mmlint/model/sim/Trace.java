package dev.mmlint.model.sim;

import java.util.List;

/**
 * A full run: every violation (the offending operation is not applied, the run goes on), and the
 * reason the run stopped early when the witness is not a possible execution (null otherwise).
 */
public record Trace(List<Violation> violations, String invalidReason, List<String> log) {

    public boolean valid() {
        return invalidReason == null;
    }
}
