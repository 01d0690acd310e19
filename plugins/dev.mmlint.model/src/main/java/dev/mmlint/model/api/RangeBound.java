package dev.mmlint.model.api;

import java.util.Locale;

/**
 * Whether a pfn-range size expression stays inside one MAX_ORDER block.
 * Mirrors the EEnum of the same name in mmlint.ecore; {@link #literal()} is the ecore literal and DSL keyword.
 */
public enum RangeBound {
    WITHIN_MAX_ORDER, MAY_EXCEED_MAX_ORDER;

    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RangeBound fromLiteral(String literal) {
        return valueOf(literal.toUpperCase(Locale.ROOT));
    }
}
