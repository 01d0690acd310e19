package dev.mmlint.frontend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kconfig values as a .config file states them: symbol (without CONFIG_) to "y", "m", a number or a
 * quoted string. Symbols not set are absent. {@link #source()} says where the values came from.
 * A partial configuration ({@link #partial()}: a fragment's {@code mmlint-config:} line) states only
 * some symbols; the others are unknown, not off.
 */
public final class KernelConfig {
    private final Map<String, String> values;
    private final String source;
    private final boolean partial;

    public KernelConfig(Map<String, String> values, String source) { this(values, source, false); }

    /** @param partial whether symbols not in {@code values} are unknown (true) or not set (false) */
    public KernelConfig(Map<String, String> values, String source, boolean partial) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.source = source;
        this.partial = partial;
    }

    public static KernelConfig empty(String source) { return new KernelConfig(Map.of(), source); }

    /** Reads a .config; lines that are neither assignments nor comments are errors naming file:line. */
    public static KernelConfig read(Path file) throws IOException {
        Map<String, String> v = new TreeMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            int eq = l.indexOf('=');
            if (!l.startsWith("CONFIG_") || eq < 0)
                throw new IOException(file + ":" + (i + 1) + ": not a Kconfig assignment: " + l);
            v.put(l.substring("CONFIG_".length(), eq), l.substring(eq + 1));
        }
        return new KernelConfig(v, file.toString());
    }

    public Map<String, String> values() { return values; }

    /**
     * Whether these values were stated for the analysed code (a .config in the tree, --config, a
     * fixture header), as opposed to a default the front end assumed only to be able to parse
     * (sources starting "no Kconfig known"). Rule gating uses stated values only.
     */
    public boolean stated() { return !source.startsWith("no Kconfig known"); }

    public String source() { return source; }

    /** Whether only the symbols in {@link #values()} are known (the others unknown rather than off). */
    public boolean partial() { return partial; }

    /** y or m. */
    public boolean enabled(String symbol) {
        String s = values.get(strip(symbol));
        return "y".equals(s) || "m".equals(s);
    }

    public String value(String symbol) { return values.get(strip(symbol)); }

    /** A copy with some values overridden (value null removes). */
    public KernelConfig with(Map<String, String> overrides, String why) {
        Map<String, String> v = new TreeMap<>(values);
        overrides.forEach((k, x) -> { if (x == null) v.remove(strip(k)); else v.put(strip(k), x); });
        return new KernelConfig(v, source + " + " + why, partial);
    }

    private static String strip(String s) { return s.startsWith("CONFIG_") ? s.substring(7) : s; }

    @Override public boolean equals(Object o) {
        return o instanceof KernelConfig k && values.equals(k.values) && source.equals(k.source) && partial == k.partial;
    }

    @Override public int hashCode() { return (values.hashCode() * 31 + source.hashCode()) * 2 + (partial ? 1 : 0); }
}
