package dev.mmlint.model.api;

import java.util.Locale;

/**
 * Where an effect applies: the return value, a parameter, or the pages behind a struct page ** array parameter.
 * Mirrors the EEnum of the same name in mmlint.ecore; {@link #literal()} is the ecore literal and DSL keyword.
 */
public enum EffectSite {
    RETURN, PARAM, ARRAY;

    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EffectSite fromLiteral(String literal) {
        return valueOf(literal.toUpperCase(Locale.ROOT));
    }
}
