package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.AppliedClause;

/**
 * How far an integer may range when used as a pfn offset: within one MAX_ORDER block (bounded) or
 * possibly across a memory section, as the model classifies the expression it came from.
 */
public record Bound(boolean bounded, String what, AppliedClause clause, int line) {
    public Bound join(Bound o) {
        if (o == null) return null;
        if (!bounded) return this;
        if (!o.bounded) return o;
        return this;
    }
}
