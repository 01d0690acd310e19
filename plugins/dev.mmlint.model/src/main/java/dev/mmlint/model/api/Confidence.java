package dev.mmlint.model.api;

import java.util.Locale;

/**
 * How sure mmlint is: of a model clause (declared in the rule files, {@link #literal()} is the ecore
 * literal and DSL keyword), of a rule (declared by its check) and of a finding (the rule's, lowered
 * when its clause is conditional or the replay did not confirm it). The one confidence type of the
 * project, ordered from least to most sure like {@code Severity}: compare with {@link #compareTo}, never
 * by the ecore literal's position.
 */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Lower-case name, as printed in findings. */
    public String label() {
        return literal();
    }

    /** One step less sure (LOW stays LOW). */
    public Confidence lower() {
        return this == HIGH ? MEDIUM : LOW;
    }

    public static Confidence fromLiteral(String literal) {
        return valueOf(literal.toUpperCase(Locale.ROOT));
    }
}
