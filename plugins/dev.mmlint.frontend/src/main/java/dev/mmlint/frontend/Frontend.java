package dev.mmlint.frontend;

import java.nio.file.Path;

/**
 * Turns C files into {@link ParsedUnit}s. One instance per source set (a kernel tree, a
 * compile_commands.json, or lone fragments); thread-safe: {@link #parse} may be called from several
 * threads at once. Header work is shared between translation units where that is correct.
 */
public interface Frontend extends AutoCloseable {
    /** Parses a file on disk; bad input (binary, too large, unreadable) raises {@link InputException}. */
    ParsedUnit parse(Path file) throws InputException;

    /**
     * Parses in-memory text (a patch's post-image, an editor buffer) as if it were the file
     * {@code asFile} (which need not exist): same include paths and context as that file would get.
     */
    ParsedUnit parseText(Path asFile, String displayPath, String text) throws InputException;

    /** The kernel version and Kconfig this source set is parsed under. */
    KernelContext context();

    /**
     * The kernel context {@code file} is analysed under: {@link #context()}, with the file system directory it
     * belongs to when the front end knows one ({@link KernelContext#filesystem()}). A result cache keys on it.
     */
    default KernelContext contextOf(Path file) { return context(); }

    /** The name of {@code file} for reports: relative to the tree root when inside one. */
    String displayPath(Path file);

    /**
     * The directories an {@code #include} in {@code file}'s translation unit is looked up in, in order (quoted
     * includes look in the including file's directory first). A result cache checks that no header appeared
     * in them ahead of the one a parse read. Default: none (no include path).
     */
    default java.util.List<Path> includeSearchPath(Path file) { return java.util.List.of(); }

    @Override default void close() {}
}
