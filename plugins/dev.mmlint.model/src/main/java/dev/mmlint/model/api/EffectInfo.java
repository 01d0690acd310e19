package dev.mmlint.model.api;

import java.util.Set;

/**
 * One applicable effect of a function, resolved to argument positions.
 *
 * @param paramIndex 0-based argument index, -1 for the return site
 * @param countIndex 0-based index of the count argument for arrays/ranges, or -1
 * @param ofIndex    0-based index of the argument whose compound page a head/folio result belongs to, or -1
 * @param window     the effective version window (clause window narrowed by the fact)
 * @param kconfig    the clause's Kconfig predicate text, or null
 */
public record EffectInfo(String function, FunctionKind functionKind, EffectSite site, int paramIndex, String paramName,
        EffectKind kind, int countIndex, String countName, int ofIndex, Set<ValidationKind> validatedBy,
        VersionWindow window, String kconfig, ClauseInfo clause, String note) {

    public boolean isReturn() {
        return site == EffectSite.RETURN;
    }
}
