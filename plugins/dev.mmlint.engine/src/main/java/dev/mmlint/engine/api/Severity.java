package dev.mmlint.engine.api;

/** How bad a finding is, ordered from least to most severe. */
public enum Severity {
    NOTE, WARNING, ERROR;

    public String label() { return name().toLowerCase(); }

    public static Severity parse(String s) {
        for (Severity v : values()) if (v.name().equalsIgnoreCase(s.trim())) return v;
        throw new IllegalArgumentException("unknown severity '" + s + "' (expected note, warning or error)");
    }
}
