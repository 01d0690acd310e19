package dev.mmlint.frontend;

/**
 * A budget ran out: the file (or only the function, when {@link #function()} is set) is not analysed,
 * and {@link #reason()} says which budget, e.g. {@code time budget exceeded after 20 s}.
 */
public final class BudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String function;
    private final int line;

    public BudgetExceededException(String reason, String function, int line) {
        super(reason, null, false, false);
        this.function = function;
        this.line = line;
    }

    public String reason() { return getMessage(); }

    /** The function whose own budget ran out, or null when it was the file's. */
    public String function() { return function; }

    /** Where in the file, when known (else 0). */
    public int line() { return line; }
}
