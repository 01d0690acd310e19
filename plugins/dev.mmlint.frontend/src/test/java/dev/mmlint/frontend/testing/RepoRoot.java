package dev.mmlint.frontend.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root for tests: system property {@code mmlint.root} (the parent pom sets it for
 * surefire), else the nearest directory above the working directory holding {@code test-fixtures/}
 * and {@code rules/}. The one lookup every module's tests share through the front end's test jar;
 * production code never reads the property.
 */
public final class RepoRoot {
    private RepoRoot() {}

    public static Path path() {
        String r = System.getProperty("mmlint.root");
        if (r != null && !r.isBlank() && isRoot(Path.of(r))) return Path.of(r).toAbsolutePath().normalize();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) if (isRoot(p)) return p;
        throw new IllegalStateException("no repository root (test-fixtures/ and rules/) at mmlint.root=" + r + " or above "
                + Path.of("").toAbsolutePath());
    }

    public static Path resolve(String relative) {
        return path().resolve(relative);
    }

    private static boolean isRoot(Path p) {
        return Files.isDirectory(p.resolve("test-fixtures")) && Files.isDirectory(p.resolve("rules"));
    }
}
