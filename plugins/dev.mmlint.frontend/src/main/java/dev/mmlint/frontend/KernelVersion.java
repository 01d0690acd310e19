package dev.mmlint.frontend;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel release as VERSION.PATCHLEVEL.SUBLEVEL; ordered. */
public record KernelVersion(int major, int minor, int sub) implements Comparable<KernelVersion> {
    private static final Pattern P = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Parses "6.12", "6.12.3", "v6.1"; throws IllegalArgumentException naming the text otherwise. */
    public static KernelVersion parse(String text) {
        String t = Objects.requireNonNull(text).trim();
        if (t.startsWith("v")) t = t.substring(1);
        Matcher m = P.matcher(t);
        if (!m.matches()) throw new IllegalArgumentException("not a kernel version: '" + text + "' (expected X.Y or X.Y.Z)");
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    @Override public int compareTo(KernelVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(sub, o.sub);
        return c;
    }

    public boolean atLeast(KernelVersion o) { return compareTo(o) >= 0; }

    @Override public String toString() { return sub == 0 ? major + "." + minor : major + "." + minor + "." + sub; }
}
