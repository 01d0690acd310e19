package dev.mmlint.engine.flow;

/** What a page-like value may be. */
public enum Shape {
    /** known not to be a tail page (a head, or a small page) */
    HEAD,
    /** known to be an order-0 page (not part of any compound page) */
    SMALL,
    /** known to be a tail page */
    TAIL,
    /** came from a source the model says may return a tail page, on at least one path */
    MAYBE_TAIL,
    /** a folio: a head by construction */
    FOLIO,
    /** a parameter of the analysed function, not yet refined (what callers pass) */
    PARAM,
    /** nothing known */
    UNKNOWN;

    public boolean mayBeTail() { return this == TAIL || this == MAYBE_TAIL; }

    /** may be a head or tail of a compound page (not proven small) */
    public boolean mayBeCompound() { return this == HEAD || this == TAIL || this == MAYBE_TAIL || this == FOLIO; }

    public Shape join(Shape o) {
        if (this == o) return this;
        if (mayBeTail() || o.mayBeTail()) return MAYBE_TAIL;
        if ((this == HEAD || this == SMALL || this == FOLIO) && (o == HEAD || o == SMALL || o == FOLIO)) return HEAD;
        return UNKNOWN;
    }
}
