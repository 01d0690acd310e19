package dev.mmlint.dsl;

/** A 1-based position in a rules file. */
public record SourceLocation(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
