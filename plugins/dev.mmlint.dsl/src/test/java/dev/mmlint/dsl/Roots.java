package dev.mmlint.dsl;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: system property mmlint.root (set by the parent pom), else the nearest parent holding rules/. */
final class Roots {

    private Roots() {
    }

    static Path repo() {
        String prop = System.getProperty("mmlint.root");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "rules"))) return Path.of(prop).toAbsolutePath();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("rules")) && Files.isDirectory(p.resolve("plugins"))) return p;
        }
        throw new IllegalStateException("cannot find the repository root (no rules/ above " + Path.of("").toAbsolutePath() + ")");
    }

    static Path rules() {
        return repo().resolve("rules");
    }

    static Path fixtures() {
        return repo().resolve("test-fixtures/dsl");
    }
}
