package dev.mmlint.frontend;

/**
 * Something mmlint could not do with an input: a file it could not read or parse, a line it could
 * not make sense of. Always names the file and, when known, the line (0 when not).
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message) {
    public enum Severity { ERROR, WARNING, NOTE }

    public static Diagnostic error(String file, int line, String message) {
        return new Diagnostic(file, line, 0, Severity.ERROR, message);
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        if (line > 0 && column > 0) b.append(':').append(column);
        return b.append(": ").append(severity.name().toLowerCase()).append(": ").append(message).toString();
    }
}
