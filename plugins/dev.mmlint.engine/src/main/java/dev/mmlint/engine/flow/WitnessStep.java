package dev.mmlint.engine.flow;

/** One API operation along a finding's path, in the reference model's vocabulary, with its line. */
public record WitnessStep(String op, String detail, int line) {
    @Override public String toString() { return op + (detail.isEmpty() ? "" : "(" + detail + ")") + "@" + line; }
}
