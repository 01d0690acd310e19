package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.AppliedClause;

/**
 * References held through an array filled by GUP (or through one page variable for {@code &page}).
 *
 * @param pinned  FOLL_PIN (pin_user_pages*) rather than FOLL_GET (get_user_pages*)
 * @param local   the array belongs to this function (declared or allocated here, not a parameter)
 * @param api     the GUP call that filled it
 * @param requested the number of pages asked for, when a constant
 */
public record ArrayHold(boolean pinned, Status status, PageValue.Origin origin, AppliedClause clause, boolean local, String api, Long requested) {
    public enum Status { HELD, NONE, RELEASED, ESCAPED }

    public ArrayHold with(Status s) { return new ArrayHold(pinned, s, origin, clause, local, api, requested); }

    /** Optimistic for releases (a release on some path counts), so that release loops are not leaks. */
    public ArrayHold join(ArrayHold o) {
        if (equals(o)) return this;
        Status s;
        if (status == Status.ESCAPED || o.status == Status.ESCAPED) s = Status.ESCAPED;
        else if (status == Status.RELEASED || o.status == Status.RELEASED) s = Status.RELEASED;
        else if (status == Status.HELD || o.status == Status.HELD) s = Status.HELD;
        else s = Status.NONE;
        return new ArrayHold(pinned || o.pinned, s, origin, clause, local && o.local, api,
                java.util.Objects.equals(requested, o.requested) ? requested : null);
    }
}
