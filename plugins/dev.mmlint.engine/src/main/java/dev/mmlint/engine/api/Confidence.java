package dev.mmlint.engine.api;

/** How sure mmlint is that a finding is a real bug; declared per rule, lowered per finding. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    public String label() { return name().toLowerCase(); }

    public Confidence lower() { return this == HIGH ? MEDIUM : LOW; }
}
