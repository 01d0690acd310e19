package dev.mmlint.frontend;

import java.time.Duration;
import java.util.Locale;

/**
 * What one file and one function may cost before mmlint gives up on it and reports it as not
 * analysed: wall time per file (parse and analysis), wall time per function (its dataflow), and
 * memory per file (bytes, or a share of the maximum heap). A null component is "not set" (see
 * {@link #orElse}); {@link Duration#ZERO} and a zero memory size mean no limit.
 *
 * <p>Besides these, a single macro invocation may not expand into more than
 * {@link #MAX_NESTED_EXPANSIONS} nested macro expansions (a "macro bomb": forty doubling
 * {@code #define}s), nor read more than {@link #MAX_EXPANSION_IDENTIFIERS} identifiers while it
 * expands (a few function-like macros nested deep); no kernel macro comes near either.
 */
public record Budgets(Duration fileTime, Duration functionTime, Memory memory) {
    public static final Duration DEFAULT_FILE_TIME = Duration.ofSeconds(60);
    public static final Duration DEFAULT_FUNCTION_TIME = Duration.ofSeconds(10);
    public static final Memory DEFAULT_MEMORY = new Memory(0, 50);
    public static final int MAX_NESTED_EXPANSIONS = 2_000_000;
    /**
     * The identifiers one macro invocation may read while it expands (its arguments' pre-expansion
     * and its rescans): a few macros nested deep ({@code #define D(x) x x} called thirty deep) double
     * the tokens at each level with only thirty expansions; past this the file is not analysed.
     */
    public static final int MAX_EXPANSION_IDENTIFIERS = 1_000_000;

    /** A memory size: {@code bytes}, or when that is 0, {@code percent} of the maximum heap (both 0: no limit). */
    public record Memory(long bytes, int percent) {
        public Memory {
            if (bytes < 0 || percent < 0 || percent > 100) throw new IllegalArgumentException("bad memory budget");
        }

        public long resolve() {
            return bytes > 0 ? bytes : percent == 0 ? 0 : Runtime.getRuntime().maxMemory() / 100 * percent;
        }

        public boolean unlimited() { return bytes == 0 && percent == 0; }

        @Override public String toString() {
            if (unlimited()) return "off";
            return bytes > 0 ? Budgets.bytes(bytes) : percent + "%";
        }
    }

    /** Every budget unset. */
    public static final Budgets UNSET = new Budgets(null, null, null);
    /** 60 s per file, 10 s per function, half the maximum heap per file. */
    public static final Budgets DEFAULTS = new Budgets(DEFAULT_FILE_TIME, DEFAULT_FUNCTION_TIME, DEFAULT_MEMORY);
    /** No limits (but the nested-expansion cap). */
    public static final Budgets NONE = new Budgets(Duration.ZERO, Duration.ZERO, new Memory(0, 0));

    public Budgets withFileTime(Duration d) { return new Budgets(d, functionTime, memory); }
    public Budgets withFunctionTime(Duration d) { return new Budgets(fileTime, d, memory); }
    public Budgets withMemory(Memory m) { return new Budgets(fileTime, functionTime, m); }

    /** These budgets, with what is not set here taken from {@code other}. */
    public Budgets orElse(Budgets other) {
        if (other == null) return this;
        return new Budgets(fileTime != null ? fileTime : other.fileTime, functionTime != null ? functionTime : other.functionTime,
                memory != null ? memory : other.memory);
    }

    /** With the defaults for what is not set. */
    public Budgets resolved() { return orElse(DEFAULTS); }

    /**
     * A time: {@code 60s}, {@code 500ms}, {@code 2m}, a bare number of seconds, or {@code off} / {@code 0}
     * for no limit.
     */
    public static Duration parseTime(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("none") || t.equals("0")) return Duration.ZERO;
        try {
            Duration d;
            if (t.endsWith("ms")) d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            else if (t.endsWith("s")) d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
            else if (t.endsWith("m")) d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60_000));
            else d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            if (d.isNegative()) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a time (examples: 60s, 500ms, 2m, off)");
        }
    }

    /** A memory size: {@code 50%} (of the maximum heap), {@code 2g}, {@code 512m}, {@code 4096k}, bytes, or {@code off}. */
    public static Memory parseMemory(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("none") || t.equals("0")) return new Memory(0, 0);
        try {
            if (t.endsWith("%")) {
                int p = Integer.parseInt(t.substring(0, t.length() - 1).trim());
                if (p < 1 || p > 100) throw new NumberFormatException();
                return new Memory(0, p);
            }
            String n = t.endsWith("b") ? t.substring(0, t.length() - 1) : t;
            long mul = 1;
            if (n.endsWith("k")) mul = 1L << 10;
            else if (n.endsWith("m")) mul = 1L << 20;
            else if (n.endsWith("g")) mul = 1L << 30;
            if (mul > 1) n = n.substring(0, n.length() - 1);
            long v = Math.round(Double.parseDouble(n.trim()) * mul);
            if (v <= 0) throw new NumberFormatException();
            return new Memory(v, 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a memory size (examples: 50%, 2g, 512m, off)");
        }
    }

    /** A duration as the reports say it: {@code 20 s}, {@code 1.5 s}, {@code 250 ms}. */
    public static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String bytes(long b) {
        if (b >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30));
        if (b >= 1L << 20) return (b >> 20) + " MB";
        return (b >> 10) + " KB";
    }

    @Override public String toString() {
        return "file " + (fileTime == null ? "unset" : fileTime.isZero() ? "off" : seconds(fileTime))
                + ", function " + (functionTime == null ? "unset" : functionTime.isZero() ? "off" : seconds(functionTime))
                + ", memory " + (memory == null ? "unset" : memory);
    }
}
