package dev.mmlint.report;

import dev.mmlint.checks.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rules' rationale markdown (for IDE help and hovers), as packaged in the checks jar (dev/mmlint/checks/rationale/MMnnn.md). */
public final class Rationale {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Rationale() {}

    /** The rationale of {@code ruleId}, or null when the jar has none (a custom rule). */
    public static String of(String ruleId) {
        if (!ruleId.matches("MM\\d{3}")) return null;
        String s = CACHE.computeIfAbsent(ruleId, id -> {
            try (InputStream in = Checks.class.getResourceAsStream("/dev/mmlint/checks/rationale/" + id + ".md")) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        return s.isEmpty() ? null : s;
    }
}
