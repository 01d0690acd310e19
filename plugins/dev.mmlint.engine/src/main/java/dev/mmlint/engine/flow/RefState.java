package dev.mmlint.engine.flow;

/** The reference a value holds on its page, on this path. */
public enum RefState {
    NONE, HELD, SPECULATIVE, PINNED, GUP_HELD, RELEASED;

    public RefState join(RefState o) {
        if (this == o) return this;
        if (this == SPECULATIVE || o == SPECULATIVE) return SPECULATIVE; // may be unvalidated on some path
        if (this == NONE) return o;
        if (o == NONE) return this;
        return this;
    }
}
