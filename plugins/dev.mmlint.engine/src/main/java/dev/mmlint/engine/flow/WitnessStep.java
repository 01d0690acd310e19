package dev.mmlint.engine.flow;

import java.util.Locale;

/** One API operation along a finding's path, in the reference model's vocabulary, with its line. */
public record WitnessStep(Kind op, String detail, int line) {
    /** The operations a witness is made of; {@link #label()} is how a finding prints them. */
    public enum Kind {
        LOOKUP, COMPOUND_HEAD, GET, VALIDATE, RANGE, PAGE_ARITH, READ_FIELD, WRITE_FIELD, CALL_HEAD_ONLY,
        SPECULATIVE_GET, USE, MAPCOUNT_TEST, PUBLISH, PREP_COMPOUND, SET_COUNT,
        PIN, GUP_GET, PIN_NONE, GUP_NONE, PUT, UNPIN, RETURN;

        public String label() { return name().toLowerCase(Locale.ROOT); }

        /** The kind printed as {@code label}; throws IllegalArgumentException for an unknown one. */
        public static Kind of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /** By label ("pin", "speculative_get"): for dataflow code that still names steps as text; unknown labels throw. */
    public WitnessStep(String op, String detail, int line) {
        this(Kind.of(op), detail, line);
    }

    @Override public String toString() { return op.label() + (detail.isEmpty() ? "" : "(" + detail + ")") + "@" + line; }
}
