package dev.mmlint.dsl;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the DSL tests read rules and fixtures (see RepoRoot). */
final class Roots {

    private Roots() {
    }

    static Path repo() {
        return dev.mmlint.frontend.testing.RepoRoot.path();
    }

    static Path rules() {
        return repo().resolve("rules");
    }

    static Path fixtures() {
        return repo().resolve("test-fixtures/dsl");
    }
}
