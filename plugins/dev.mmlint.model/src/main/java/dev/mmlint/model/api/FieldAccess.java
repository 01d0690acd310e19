package dev.mmlint.model.api;

import java.util.Locale;

/**
 * How a struct field may be used through a possibly-tail page.
 * Mirrors the EEnum of the same name in mmlint.ecore; {@link #literal()} is the ecore literal and DSL keyword.
 */
public enum FieldAccess {
    HEAD_ONLY, PER_PAGE, HEAD_SEMANTICS, ALWAYS_HEAD;

    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FieldAccess fromLiteral(String literal) {
        return valueOf(literal.toUpperCase(Locale.ROOT));
    }
}
