package dev.mmlint.model.validation;

/** Problems the model validator reports; {@link #code()} is the EMF diagnostic code. */
public enum ModelProblem {
    MISSING_FAMILY,
    MISSING_DESCRIPTION,
    MISSING_CONFIDENCE,
    BAD_CLAUSE_ID,
    DUPLICATE_CLAUSE_ID,
    UNKNOWN_RULE,
    MALFORMED_VERSION,
    EMPTY_WINDOW,
    FACT_WINDOW_OUTSIDE_CLAUSE,
    BAD_KCONFIG,
    MISSING_RATIONALE,
    MISSING_REFERENCE,
    BAD_REFERENCE,
    EMPTY_CLAUSE,
    BAD_NAME,
    DUPLICATE_PARAM,
    EMPTY_FUNCTION,
    UNDEFINED_PARAM,
    INVALID_EFFECT_SITE,
    MISSING_VALIDATION,
    MISPLACED_VALIDATION,
    MISSING_COUNT,
    DUPLICATE_EFFECT,
    CONTRADICTION,
    OVERLAPPING_DEFINITION,
    SIGNATURE_CONFLICT,
    BAD_PATTERN,
    EMF_CONSTRAINT;

    public static final String SOURCE = "dev.mmlint.model";

    public int code() {
        return ordinal() + 1;
    }

    public static ModelProblem ofCode(int code) {
        ModelProblem[] all = values();
        return code >= 1 && code <= all.length ? all[code - 1] : EMF_CONSTRAINT;
    }
}
