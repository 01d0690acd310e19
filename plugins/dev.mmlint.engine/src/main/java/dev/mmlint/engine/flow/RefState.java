package dev.mmlint.engine.flow;

/**
 * The reference a value holds on its page, on this path. Joined as the maximum in the order of
 * declaration, {@code SPECULATIVE} last: "no reference" on one path and a reference on another give
 * the reference; a speculative reference on any path stays (it may be unvalidated); of two different
 * references the later in the order is kept, whichever path it came from, so a merge does not depend
 * on the order its predecessors are visited in. (The checks consult only NONE and SPECULATIVE.)
 */
public enum RefState {
    NONE, HELD, PINNED, GUP_HELD, RELEASED, SPECULATIVE;

    public RefState join(RefState o) {
        return compareTo(o) >= 0 ? this : o;
    }
}
