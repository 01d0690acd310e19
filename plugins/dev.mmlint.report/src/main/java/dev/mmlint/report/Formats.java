package dev.mmlint.report;

import java.util.List;

/** The output formats by name, for the CLI and the Maven plugin. */
public final class Formats {
    public static final List<String> NAMES = List.of("text", "json", "sarif", "github");

    private Formats() {}

    /** @throws IllegalArgumentException for an unknown name, with the known ones in the message */
    public static Formatter forName(String name) {
        return switch (name) {
            case "text" -> new TextFormatter();
            case "json" -> new JsonFormatter();
            case "sarif" -> new SarifFormatter();
            case "github" -> new GithubFormatter();
            default -> throw new IllegalArgumentException("unknown format '" + name + "' (" + String.join(", ", NAMES) + ")");
        };
    }

    /** The usual file name extension of a format's report. */
    public static String extension(String name) {
        return switch (name) { case "json" -> "json"; case "sarif" -> "sarif"; default -> "txt"; };
    }
}
