package dev.mmlint.model.api;

import java.util.Locale;

/**
 * A kernel function, a function-like macro, or an engine builtin naming a C construct (page_add = page + n, folio_to_page = &amp;folio->page).
 * Mirrors the EEnum of the same name in mmlint.ecore; {@link #literal()} is the ecore literal and DSL keyword.
 */
public enum FunctionKind {
    FN, MACRO, BUILTIN;

    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FunctionKind fromLiteral(String literal) {
        return valueOf(literal.toUpperCase(Locale.ROOT));
    }
}
