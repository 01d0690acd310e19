package dev.mmlint.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of one rules file and the name diagnostics use for it ("rules/gup.mmr",
 * "mmlint-rules/gup.mmr"). The family declared in the file must equal the file's base name.
 */
public record RuleSource(String name, String text) {

    public static RuleSource of(Path p) throws IOException {
        return new RuleSource(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    }

    /** Base name without directory and .mmr, or null when the name does not end in .mmr. */
    public String expectedFamily() {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.endsWith(".mmr") ? n.substring(0, n.length() - 4) : null;
    }
}
