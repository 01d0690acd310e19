package dev.mmlint.model.api;

import java.util.Locale;

/**
 * Kind of an upstream reference: commit id + subject, mailing-list thread, web page, kernel source file at a release, or a kernel document.
 * Mirrors the EEnum of the same name in mmlint.ecore; {@link #literal()} is the ecore literal and DSL keyword.
 */
public enum ReferenceKind {
    COMMIT, LKML, URL, SOURCE, DOC;

    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReferenceKind fromLiteral(String literal) {
        return valueOf(literal.toUpperCase(Locale.ROOT));
    }
}
