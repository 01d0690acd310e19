package dev.mmlint.model.api;

import java.util.Locale;

/**
 * What re-check validates a speculative reference.
 * Mirrors the EEnum of the same name in mmlint.ecore; {@link #literal()} is the ecore literal and DSL keyword.
 */
public enum ValidationKind {
    HEAD_RECHECK, FOLIO_RECHECK, PTE_RECHECK, PMD_RECHECK, XAS_RELOAD;

    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ValidationKind fromLiteral(String literal) {
        return valueOf(literal.toUpperCase(Locale.ROOT));
    }
}
