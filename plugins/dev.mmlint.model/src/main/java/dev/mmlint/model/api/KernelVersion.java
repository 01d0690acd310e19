package dev.mmlint.model.api;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel release: {@code major.minor[.patch][-rcN]}, e.g. {@code 4.5}, {@code 6.1.117}, {@code 6.18-rc1}.
 * Ordering follows the kernel: {@code 6.18-rc1 < 6.18 = 6.18.0 < 6.18.1}. Version windows in the model
 * compare releases at the major.minor level, but a patch level may be given when describing a tree.
 */
public record KernelVersion(int major, int minor, int patch, int rc) implements Comparable<KernelVersion> {

    private static final Pattern FORM =
            Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})(?:\\.(0|[1-9][0-9]{0,3}))?(?:-rc([1-9][0-9]?))?");

    public KernelVersion {
        if (major < 2 || major > 99) throw new IllegalArgumentException("major version out of range: " + major);
        if (minor < 0 || patch < 0 || rc < 0) throw new IllegalArgumentException("negative version component");
    }

    public static KernelVersion of(int major, int minor) {
        return new KernelVersion(major, minor, 0, 0);
    }

    /** Parses a release string; throws {@link IllegalArgumentException} with a short reason when malformed. */
    public static KernelVersion parse(String text) {
        if (text == null) throw new IllegalArgumentException("missing version");
        String t = text.trim();
        if (t.startsWith("v")) t = t.substring(1);
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("malformed kernel version '" + text + "' (expected major.minor[.patch][-rcN])");
        }
        int major = Integer.parseInt(m.group(1));
        if (major < 2) throw new IllegalArgumentException("malformed kernel version '" + text + "' (major must be >= 2)");
        return new KernelVersion(major, Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
    }

    /** True when {@code text} parses as a kernel version. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public int compareTo(KernelVersion o) {
        int c = Integer.compare(major, o.major);
        if (c != 0) return c;
        c = Integer.compare(minor, o.minor);
        if (c != 0) return c;
        // an -rc precedes the release it leads to, whatever the patch level
        boolean thisRc = rc > 0, otherRc = o.rc > 0;
        if (thisRc != otherRc) return thisRc ? -1 : 1;
        if (thisRc) return Integer.compare(rc, o.rc);
        return Integer.compare(patch, o.patch);
    }

    public boolean isBefore(KernelVersion o) {
        return compareTo(o) < 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(major).append('.').append(minor);
        if (patch != 0) sb.append('.').append(patch);
        if (rc != 0) sb.append("-rc").append(rc);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KernelVersion k && compareTo(k) == 0 && patch == k.patch;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, rc);
    }
}
