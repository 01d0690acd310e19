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
 * @param condition  the argument whose value at the call decides whether the effect happens, or null
 */
public record EffectInfo(String function, FunctionKind functionKind, EffectSite site, int paramIndex, String paramName,
        EffectKind kind, int countIndex, String countName, int ofIndex, Set<ValidationKind> validatedBy,
        VersionWindow window, String kconfig, ClauseInfo clause, String note, Condition condition) {

    /**
     * The effect happens only when argument {@code index} is true ({@code flag} null) or has {@code flag}
     * set ({@code when flags has MF_COUNT_INCREASED}), or clear ({@code clear}: {@code when gup_flags lacks FOLL_PIN}).
     */
    public record Condition(int index, String param, String flag, boolean clear) {
        public Condition(int index, String param, String flag) { this(index, param, flag, false); }

        @Override public String toString() { return "when " + param + (flag == null ? "" : (clear ? " lacks " : " has ") + flag); }
    }

    public boolean isReturn() {
        return site == EffectSite.RETURN;
    }
}
