package dev.mmlint.model.api;

/** Three-valued logic for applicability: a fact may be known to hold, known not to hold, or unknown. */
public enum Tri {
    YES, NO, UNKNOWN;

    public static Tri of(boolean b) {
        return b ? YES : NO;
    }

    public Tri and(Tri o) {
        if (this == NO || o == NO) return NO;
        if (this == UNKNOWN || o == UNKNOWN) return UNKNOWN;
        return YES;
    }

    public Tri or(Tri o) {
        if (this == YES || o == YES) return YES;
        if (this == UNKNOWN || o == UNKNOWN) return UNKNOWN;
        return NO;
    }

    public Tri not() {
        return switch (this) {
            case YES -> NO;
            case NO -> YES;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
