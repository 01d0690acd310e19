package dev.mmlint.model.api;

import java.util.Locale;

/**
 * How sure the model is that a clause is right; findings inherit it.
 * Mirrors the EEnum of the same name in mmlint.ecore; {@link #literal()} is the ecore literal and DSL keyword.
 */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Confidence fromLiteral(String literal) {
        return valueOf(literal.toUpperCase(Locale.ROOT));
    }
}
