package dev.mmlint.frontend;

/** An input mmlint cannot analyse; carries the located {@link Diagnostic} to report. */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    public InputException(Diagnostic diagnostic) {
        super(diagnostic.toString());
        this.diagnostic = diagnostic;
    }

    public InputException(String file, int line, String message) { this(Diagnostic.error(file, line, message)); }

    public Diagnostic diagnostic() { return diagnostic; }
}
