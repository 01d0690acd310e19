package dev.mmlint.frontend;

/**
 * One {@code #include} directive a parse met, wherever it was: what a result cache needs to know
 * which headers a translation unit read and where the preprocessor looked for them.
 *
 * @param name     the name as written between the quotes or angle brackets
 * @param system   written with angle brackets
 * @param includer the file the directive is in
 * @param path     the header it resolved to, or null when it did not resolve
 */
public record IncludeFact(String name, boolean system, String includer, String path) {
    public boolean resolved() { return path != null; }
}
