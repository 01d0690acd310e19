package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.Objects;

/**
 * References held through an array filled by GUP (or through one page variable for {@code &page}).
 *
 * @param pinned  FOLL_PIN (pin_user_pages*) rather than FOLL_GET (get_user_pages*)
 * @param local   the array belongs to this function (declared or allocated here, not a parameter)
 * @param api     the GUP call that filled it
 * @param requested the number of pages asked for, when a constant
 * @param pinVar  when not null, the kind of reference is not known: the call pinned the pages where
 *                variable {@code pinVar} had flag {@code pinFlag} set (FOLL_PIN) and took plain
 *                references where it was clear (the internal GUP calls that take either, as their
 *                gup_flags say); {@code pinned} is then false
 * @param pinFlag the flag that decides, with {@code pinVar}
 */
public record ArrayHold(boolean pinned, Status status, PageValue.Origin origin, AppliedClause clause, boolean local, String api, Long requested,
                        String pinVar, String pinFlag) {
    /**
     * PARTIAL: some entries were handed on one by one (their pfns kept, stored elsewhere) by a walk over
     * the batch that has not finished: the entries it has not reached are still held here.
     */
    public enum Status { HELD, NONE, RELEASED, ESCAPED, PARTIAL }

    /** Entries of the batch are still held here (all of them, or those a walk has not handed on yet). */
    public boolean holding() { return status == Status.HELD || status == Status.PARTIAL; }

    public ArrayHold(boolean pinned, Status status, PageValue.Origin origin, AppliedClause clause, boolean local, String api, Long requested) {
        this(pinned, status, origin, clause, local, api, requested, null, null);
    }

    public ArrayHold with(Status s) { return new ArrayHold(pinned, s, origin, clause, local, api, requested, pinVar, pinFlag); }

    /** Pinned or referenced as a flag of {@link #pinVar()} says, which is not known here. */
    public boolean maybePinned() { return pinVar != null; }

    /** This hold with the kind of its references decided ({@code pin}: pinned). */
    public ArrayHold decided(boolean pin) { return new ArrayHold(pin, status, origin, clause, local, api, requested, null, null); }

    /** Optimistic for releases (a release on some path counts), so that release loops are not leaks. */
    public ArrayHold join(ArrayHold o) {
        if (equals(o)) return this;
        Status s;
        if (status == Status.ESCAPED || o.status == Status.ESCAPED) s = Status.ESCAPED;
        else if (status == Status.RELEASED || o.status == Status.RELEASED) s = Status.RELEASED;
        else if (status == Status.PARTIAL || o.status == Status.PARTIAL) s = Status.PARTIAL;
        else if (status == Status.HELD || o.status == Status.HELD) s = Status.HELD;
        else s = Status.NONE;
        // the kind stays undecided only where both sides leave it to the same flag
        boolean same = Objects.equals(pinVar, o.pinVar) && Objects.equals(pinFlag, o.pinFlag);
        return new ArrayHold((pinned || o.pinned) && (pinVar == null || !same), s, origin, clause, local && o.local, api,
                Objects.equals(requested, o.requested) ? requested : null, same ? pinVar : null, same ? pinFlag : null);
    }
}
