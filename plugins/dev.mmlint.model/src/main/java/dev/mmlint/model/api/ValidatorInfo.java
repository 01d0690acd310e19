package dev.mmlint.model.api;

/** A C condition that validates a speculative reference of the given kind. */
public record ValidatorInfo(ValidationKind kind, ExprPattern pattern, VersionWindow window, String kconfig,
        ClauseInfo clause, String note) {
}
