package dev.mmlint.model.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the engine knows about the analysed tree: its kernel version and its Kconfig (symbol -> value,
 * with or without the CONFIG_ prefix; "y"/"m" enable a symbol, "n" or absence disables it).
 * Either may be null when unknown; queries then answer conservatively (facts whose applicability
 * cannot be decided are included and flagged UNKNOWN).
 * A Kconfig map may state only some symbols: its {@link #UNSTATED} key gives the value of every symbol
 * it does not list, and the value {@link #UNKNOWN_VALUE} means unknown (both ways). A lone fragment
 * that states {@code CONFIG_A=y CONFIG_B=n} is {@code {A=y, B=n, *=?}}: other symbols are unknown.
 */
public record TreeContext(KernelVersion version, Map<String, String> kconfig) {
    /** The key whose value stands for every symbol a Kconfig map does not list (default: n). */
    public static final String UNSTATED = "*";
    /** A symbol value meaning unknown: predicates over it evaluate to UNKNOWN. */
    public static final String UNKNOWN_VALUE = "?";

    public TreeContext {
        if (kconfig != null) {
            Map<String, String> norm = new LinkedHashMap<>();
            kconfig.forEach((k, v) -> norm.put(normalizeSymbol(k), v == null ? "n" : v.trim()));
            kconfig = Collections.unmodifiableMap(norm);
        }
    }

    public static TreeContext unknown() {
        return new TreeContext(null, null);
    }

    public static TreeContext of(String version, Map<String, String> kconfig) {
        return new TreeContext(version == null ? null : KernelVersion.parse(version), kconfig);
    }

    /**
     * Reads a kernel .config (or include/config/auto.conf): {@code CONFIG_X=y|m|value},
     * {@code # CONFIG_X is not set} gives {@code n}; other lines are ignored. Keys lose the CONFIG_ prefix.
     */
    public static Map<String, String> parseDotConfig(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String l = raw.strip();
            if (l.startsWith("# CONFIG_") && l.endsWith(" is not set")) {
                out.put(normalizeSymbol(l.substring(2, l.length() - " is not set".length())), "n");
            } else if (l.startsWith("CONFIG_") && l.indexOf('=') > 0) {
                String v = l.substring(l.indexOf('=') + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
                out.put(normalizeSymbol(l.substring(0, l.indexOf('='))), v);
            }
        }
        return out;
    }

    /** Whether some symbol's value is unknown (a partial map, or a value {@link #UNKNOWN_VALUE}). */
    public boolean kconfigPartial() {
        return kconfig != null && kconfig.containsValue(UNKNOWN_VALUE);
    }

    public static String normalizeSymbol(String s) {
        String t = s.trim();
        return t.startsWith("CONFIG_") ? t.substring("CONFIG_".length()) : t;
    }

    @Override
    public String toString() {
        return "kernel " + (version == null ? "?" : version) + (kconfig == null ? ", kconfig unknown" : ", " + kconfig.size() + " kconfig symbols");
    }
}
