package dev.mmlint.frontend;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands PATH arguments into the C files to analyse: a file stands for itself (whatever its name:
 * the user named it); a directory for the {@code .c} files (and {@code .h} files when asked) under
 * it, following symbolic links but never round a loop, skipping dot-directories. Order is
 * deterministic: arguments in the order given, files under a directory sorted by path; duplicates
 * are dropped. Everything that cannot be used is reported as a {@link Diagnostic}, and the walk
 * goes on.
 */
public final class SourceWalker {
    public record Result(List<Path> files, List<Diagnostic> diagnostics) {}

    private SourceWalker() {}

    public static Result expand(List<Path> args, boolean includeHeaders) {
        Set<Path> files = new LinkedHashSet<>();
        List<Diagnostic> diags = new ArrayList<>();
        for (Path arg : args) {
            String shown = arg.toString();
            if (!Files.exists(arg, LinkOption.NOFOLLOW_LINKS)) {
                diags.add(Diagnostic.error(shown, 0, "no such file or directory"));
                continue;
            }
            if (!Files.exists(arg)) {
                diags.add(Diagnostic.error(shown, 0, "broken symbolic link"));
                continue;
            }
            if (!Files.isDirectory(arg)) {
                if (!Files.isReadable(arg)) diags.add(Diagnostic.error(shown, 0, "not readable"));
                else files.add(arg.toAbsolutePath().normalize());
                continue;
            }
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(arg, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        return !dir.equals(arg) && n.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String n = file.getFileName().toString();
                        if (attrs.isRegularFile() && (n.endsWith(".c") || (includeHeaders && n.endsWith(".h"))))
                            found.add(file.toAbsolutePath().normalize());
                        return FileVisitResult.CONTINUE;
                    }

                    @Override public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof FileSystemLoopException)
                            diags.add(new Diagnostic(file.toString(), 0, 0, Diagnostic.Severity.WARNING,
                                    "symbolic link loop; not followed"));
                        else diags.add(Diagnostic.error(file.toString(), 0, "cannot read: " + e.getMessage()));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                diags.add(Diagnostic.error(shown, 0, "cannot walk directory: " + e.getMessage()));
            }
            if (found.isEmpty()) {
                diags.add(new Diagnostic(shown, 0, 0, Diagnostic.Severity.WARNING,
                        "no C files (" + (includeHeaders ? "*.c, *.h" : "*.c") + ") under this directory"));
            }
            found.sort(null);
            files.addAll(found);
        }
        return new Result(List.copyOf(files), List.copyOf(diags));
    }
}
