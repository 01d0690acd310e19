package dev.mmlint.dsl;

import java.util.Comparator;

/**
 * A located problem in a rules file or custom rule source, printed gcc-style:
 * {@code rules/gup.mmr:12:5: error: expected ';' after '5.6'}. Lines and columns are 1-based.
 */
public record DslDiagnostic(Severity severity, String file, int line, int column, String message) {

    public enum Severity {
        ERROR, WARNING;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final Comparator<DslDiagnostic> ORDER = Comparator.comparing(DslDiagnostic::file)
            .thenComparingInt(DslDiagnostic::line).thenComparingInt(DslDiagnostic::column).thenComparing(DslDiagnostic::message);

    public static DslDiagnostic error(String file, int line, int column, String message) {
        return new DslDiagnostic(Severity.ERROR, file, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message} */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.word() + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
