package dev.mmlint.engine;

import dev.mmlint.frontend.SourceText;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the positions of one text lie in an edited copy of it: the two texts are compared line by line (Myers'
 * difference), a line both keep moves by the lengths of the edits before it (in characters and in lines), and a
 * position in a changed line has no place in the copy. {@link #map(Object)} carries a value the engine
 * computed on the old text (an event, a summary, a caller context: records of positions, names and model
 * clauses) over to the copy: its offsets ({@code offset}, {@code *Offset}) and lines ({@code line},
 * {@code *Line}) are moved; a value that names a position in an edited line, words that name a line that
 * moved ("line N"), or something it does not know how to move, is {@link Unmappable}.
 */
final class Relocation {
    /** A value that cannot be carried over: it names a place the edit changed, or is of a kind not known here. */
    static final class Unmappable extends Exception {
        Unmappable(String why) { super(why, null, false, false); }
    }

    /** One stretch of changed lines: old lines [oldFrom, oldTo) became new lines [newFrom, newTo) (1-based), and their characters. */
    private record Region(int oldFrom, int oldTo, int newFrom, int newTo, int oldStart, int oldEnd, int newStart, int newEnd) {}

    /** The changed stretches in text order. */
    private final Region[] regions;

    private Relocation(Region[] regions) { this.regions = regions; }

    /** The most differing lines a diff is looked for through; beyond, one stretch from the first to the last change. */
    private static final int MAX_EDITS = 500;
    /** The most line comparisons a diff may make (a huge buffer edited at both ends is one stretch, found at once). */
    private static final long WORK = 20_000_000;

    static Relocation between(SourceText old, SourceText now) {
        int n = old.lineCount(), m = now.lineCount();
        String[] a = lines(old), b = lines(now);
        int p = 0;
        while (p < n && p < m && a[p].equals(b[p])) p++;
        int s = 0;
        while (s < n - p && s < m - p && a[n - 1 - s].equals(b[m - 1 - s])) s++;
        List<int[]> runs = new ArrayList<>(); // [oldFrom, oldTo, newFrom, newTo), 0-based lines
        if (p < n - s || p < m - s) {
            List<int[]> d = Myers.diff(a, p, n - s, b, p, m - s, MAX_EDITS);
            if (d == null) runs.add(new int[] {p, n - s, p, m - s});
            else runs.addAll(d);
        }
        Region[] rs = new Region[runs.size()];
        for (int i = 0; i < rs.length; i++) {
            int[] r = runs.get(i);
            rs[i] = new Region(r[0] + 1, r[1] + 1, r[2] + 1, r[3] + 1, start(old, r[0]), start(old, r[1]), start(now, r[2]), start(now, r[3]));
        }
        return new Relocation(rs);
    }

    /** Each line of {@code t} with its line end. */
    private static String[] lines(SourceText t) {
        String c = t.content();
        String[] out = new String[t.lineCount()];
        for (int i = 0; i < out.length; i++) out[i] = c.substring(t.lineStart(i + 1), i + 1 < out.length ? t.lineStart(i + 2) : c.length());
        return out;
    }

    /** The offset where 0-based line {@code l} starts (the text's length past its last line). */
    private static int start(SourceText t, int l) {
        return l < t.lineCount() ? t.lineStart(l + 1) : t.content().length();
    }

    /** The changed stretches of the two texts (each the old and the new characters of whole lines), in text order. */
    int regions() { return regions.length; }
    int oldStart(int i) { return regions[i].oldStart(); }
    int oldEnd(int i) { return regions[i].oldEnd(); }
    int newStart(int i) { return regions[i].newStart(); }
    int newEnd(int i) { return regions[i].newEnd(); }

    int offset(int o) throws Unmappable {
        if (o < 0) return o;
        int delta = 0;
        for (Region r : regions) {
            if (o < r.oldStart()) break;
            if (o < r.oldEnd()) throw new Unmappable("offset " + o + " is in the edited text");
            delta += (r.newEnd() - r.newStart()) - (r.oldEnd() - r.oldStart());
        }
        return o + delta;
    }

    /** A stretch [o, o + length): no edit inside it or cutting it. */
    int offset(int o, int length) throws Unmappable {
        int to = offset(o);
        for (Region r : regions)
            if (r.oldStart() > o && r.oldStart() < o + length) throw new Unmappable("text at " + o + ".." + (o + length) + " holds an edit");
        return to;
    }

    int line(int l) throws Unmappable {
        if (l <= 0) return l;
        int delta = 0;
        for (Region r : regions) {
            if (l < r.oldFrom()) break;
            if (l < r.oldTo()) throw new Unmappable("line " + l + " was edited");
            delta += (r.newTo() - r.newFrom()) - (r.oldTo() - r.oldFrom());
        }
        return l + delta;
    }

    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)");

    /**
     * {@code s} as it stands in the new text: the same words when no "line N" in it moves. Words naming a line
     * that moves are not rewritten (the engine's "(line N)" cannot be told from source text that happens to
     * read so, an argument's comment): the run holding them is run again.
     */
    String words(String s) throws Unmappable {
        if (s.indexOf("line ") < 0) return s;
        Matcher m = LINE.matcher(s);
        while (m.find()) {
            int l;
            try {
                l = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                throw new Unmappable("a line number beyond any text: " + m.group());
            }
            if (line(l) != l) throw new Unmappable("words naming line " + l + ", which moved");
        }
        return s;
    }

    /** {@code v} carried over to the new text (the same object when nothing in it moves). */
    @SuppressWarnings("unchecked")
    <T> T map(T v) throws Unmappable {
        return (T) value(v);
    }

    private Object value(Object v) throws Unmappable {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof Enum<?>) return v;
        if (v instanceof String s) return words(s);
        if (v instanceof Record r) return record(r);
        if (v instanceof List<?> l) {
            List<Object> out = null;
            for (int i = 0; i < l.size(); i++) {
                Object x = l.get(i), y = value(x);
                if (y != x && out == null) out = new ArrayList<>(l.subList(0, i));
                if (out != null) out.add(y);
            }
            return out == null ? v : java.util.Collections.unmodifiableList(out);
        }
        if (v instanceof Set<?> s) {
            Collection<Object> out = null;
            int i = 0;
            for (Object x : s) {
                Object y = value(x);
                if (y != x && out == null) {
                    out = s instanceof SortedSet<?> ss ? new TreeSet<>((java.util.Comparator<Object>) ss.comparator()) : new LinkedHashSet<>();
                    int j = 0;
                    for (Object z : s) { if (j++ == i) break; out.add(z); }
                }
                if (out != null) out.add(y);
                i++;
            }
            return out == null ? v : out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = null;
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = value(e.getKey()), x = value(e.getValue());
                if ((k != e.getKey() || x != e.getValue()) && out == null) {
                    out = m instanceof SortedMap<?, ?> sm ? new TreeMap<>((java.util.Comparator<Object>) sm.comparator()) : new LinkedHashMap<>();
                    int j = 0;
                    for (Map.Entry<?, ?> z : m.entrySet()) { if (j++ == i) break; out.put(z.getKey(), z.getValue()); }
                }
                if (out != null) out.put(k, x);
                i++;
            }
            return out == null ? v : out;
        }
        throw new Unmappable("a " + v.getClass().getName() + " is not known to relocation");
    }

    /** How each component of a record class is carried over. */
    private enum Kind { VALUE, OFFSET, STRETCH, LINE, KEEP }

    private record Shape(MethodHandle[] get, Kind[] kinds, MethodHandle make, boolean keep, int length) {}

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private static Shape shape(Class<?> c) {
        return SHAPES.computeIfAbsent(c, k -> {
            String pkg = k.getPackageName();
            // the model's and the knowledge's records describe the rules, not the text
            if (pkg.startsWith("dev.mmlint.model") || pkg.startsWith("dev.mmlint.engine.knowledge")) return new Shape(null, null, null, true, -1);
            RecordComponent[] rc = k.getRecordComponents();
            MethodHandle[] get = new MethodHandle[rc.length];
            Kind[] kinds = new Kind[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            int length = -1;
            for (int i = 0; i < rc.length; i++) if (rc[i].getName().equals("length") && rc[i].getType() == int.class) length = i;
            boolean hasLength = length >= 0;
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(k, MethodHandles.lookup());
                for (int i = 0; i < rc.length; i++) {
                    get[i] = lookup.unreflect(rc[i].getAccessor());
                    types[i] = rc[i].getType();
                    String n = rc[i].getName();
                    boolean integer = types[i] == int.class || types[i] == Integer.class;
                    if (integer && n.equals("offset")) kinds[i] = hasLength ? Kind.STRETCH : Kind.OFFSET;
                    else if (integer && n.endsWith("Offset")) kinds[i] = Kind.OFFSET;
                    else if (integer && (n.equals("line") || n.endsWith("Line"))) kinds[i] = Kind.LINE;
                    else if (types[i].isPrimitive()) kinds[i] = Kind.KEEP;
                    else kinds[i] = Kind.VALUE;
                }
                MethodHandle make = lookup.findConstructor(k, java.lang.invoke.MethodType.methodType(void.class, types));
                return new Shape(get, kinds, make, false, length);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("relocation cannot read record " + k.getName(), e);
            }
        });
    }

    private Object record(Record r) throws Unmappable {
        Shape s = shape(r.getClass());
        if (s.keep()) return r;
        Object[] args = new Object[s.get().length];
        boolean changed = false;
        try {
            for (int i = 0; i < args.length; i++) {
                Object x = s.get()[i].invoke(r);
                Object y = switch (s.kinds()[i]) {
                    case KEEP -> x;
                    case VALUE -> value(x);
                    case OFFSET -> x == null ? null : offset((Integer) x);
                    case STRETCH -> offset((Integer) x, (int) s.get()[s.length()].invoke(r));
                    case LINE -> x == null ? null : line((Integer) x);
                };
                changed |= s.kinds()[i] == Kind.VALUE ? y != x : !java.util.Objects.equals(x, y);
                args[i] = y;
            }
            return changed ? s.make().invokeWithArguments(args) : r;
        } catch (Unmappable | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("relocation of " + r.getClass().getName(), t);
        }
    }

    /** Myers' O((N+M)D) difference of two line sequences. */
    static final class Myers {
        private Myers() {}

        /**
         * The runs of changed lines between a[a0, a1) and b[b0, b1), each {oldFrom, oldTo, newFrom, newTo} (indices
         * into a and b), in order; null when more than {@code max} lines differ.
         */
        static List<int[]> diff(String[] a, int a0, int a1, String[] b, int b0, int b1, int max) {
            int n = a1 - a0, m = b1 - b0;
            int[] ha = new int[n], hb = new int[m];
            for (int i = 0; i < n; i++) ha[i] = a[a0 + i].hashCode();
            for (int j = 0; j < m; j++) hb[j] = b[b0 + j].hashCode();
            // the work is about (n + m) * d line comparisons: on a long stretch fewer differences are looked for
            int dmax = (int) Math.min(Math.min(max, n + m), WORK / Math.max(1, n + m));
            int off = dmax + 1;
            int[] v = new int[2 * dmax + 3];
            List<int[]> trace = new ArrayList<>();
            int found = -1;
            for (int d = 0; d <= dmax && found < 0; d++) {
                for (int k = -d; k <= d; k += 2) {
                    int x = k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
                    int y = x - k;
                    while (x < n && y < m && ha[x] == hb[y] && a[a0 + x].equals(b[b0 + y])) { x++; y++; }
                    v[off + k] = x;
                    if (x >= n && y >= m) found = d;
                }
                trace.add(Arrays.copyOfRange(v, off - d, off + d + 1));
            }
            if (found < 0) return null;
            boolean[] deleted = new boolean[n], inserted = new boolean[m];
            int x = n, y = m;
            for (int d = found; d > 0; d--) {
                int[] prev = trace.get(d - 1); // prev[k + d - 1] is diagonal k after step d - 1
                int k = x - y;
                boolean down = k == -d || (k != d && prev[k - 1 + d - 1] < prev[k + 1 + d - 1]);
                int pk = down ? k + 1 : k - 1;
                int px = prev[pk + d - 1], py = px - pk;
                if (down) inserted[py] = true;
                else deleted[px] = true;
                x = px;
                y = py;
            }
            List<int[]> runs = new ArrayList<>();
            int i = 0, j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && !deleted[i] && !inserted[j]) { i++; j++; continue; }
                int si = i, sj = j;
                while (i < n && deleted[i]) i++;
                while (j < m && inserted[j]) j++;
                if (si == i && sj == j) { // the other side is exhausted: the rest of this one changed
                    if (i < n) i++;
                    else j++;
                    while (i < n && deleted[i]) i++;
                    while (j < m && inserted[j]) j++;
                }
                runs.add(new int[] {a0 + si, a0 + i, b0 + sj, b0 + j});
            }
            return runs;
        }
    }
}
