package dev.mmlint.engine;

import dev.mmlint.frontend.SourceText;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
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
 * Where the positions of one text lie in an edited copy of it: the two texts' common prefix stays where it
 * was, their common suffix moves by the edit's length (in characters and in lines), and a position inside
 * the edited stretch between them has no place in the copy. {@link #map(Object)} carries a value the engine
 * computed on the old text (an event, a summary, a caller context: records of positions, names and model
 * clauses) over to the copy: its offsets ({@code offset}, {@code *Offset}) and lines ({@code line},
 * {@code *Line}, and "line N" in its words) are moved; a value that names a position in the edited stretch,
 * or holds something it does not know how to move, is {@link Unmappable}.
 */
final class Relocation {
    /** A value that cannot be carried over: it names a place the edit changed, or is of a kind not known here. */
    static final class Unmappable extends Exception {
        Unmappable(String why) { super(why, null, false, false); }
    }

    private final int prefix;          // [0, prefix) is the same in both texts
    private final int oldSuffix;       // [oldSuffix, old length) of the old text is [oldSuffix + delta, ...) of the new
    private final int delta;
    private final int firstChangedLine; // old lines before it are where they were
    private final int lastChangedLine;  // old lines after it move by lineDelta
    private final int lineDelta;

    private Relocation(int prefix, int oldSuffix, int delta, int firstChangedLine, int lastChangedLine, int lineDelta) {
        this.prefix = prefix;
        this.oldSuffix = oldSuffix;
        this.delta = delta;
        this.firstChangedLine = firstChangedLine;
        this.lastChangedLine = lastChangedLine;
        this.lineDelta = lineDelta;
    }

    static Relocation between(SourceText old, SourceText now) {
        String a = old.content(), b = now.content();
        int n = Math.min(a.length(), b.length());
        int p = 0;
        while (p < n && a.charAt(p) == b.charAt(p)) p++;
        int s = 0;
        while (s < n - p && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) s++;
        int oldSuffix = a.length() - s;
        int first = a.isEmpty() ? 1 : old.line(Math.min(p, a.length() - 1));
        int last = a.isEmpty() ? 1 : old.line(Math.min(oldSuffix, a.length() - 1));
        return new Relocation(p, oldSuffix, b.length() - a.length(), first, last, now.lineCount() - old.lineCount());
    }

    /** The edited stretch of the old text, [start, end). */
    int oldStart() { return prefix; }
    int oldEnd() { return oldSuffix; }
    /** The edited stretch of the new text, [start, end). */
    int newStart() { return prefix; }
    int newEnd() { return oldSuffix + delta; }
    boolean unchanged() { return prefix == oldSuffix && delta == 0; }

    int offset(int o) throws Unmappable {
        if (o < 0 || o < prefix) return o;
        if (o >= oldSuffix) return o + delta;
        throw new Unmappable("offset " + o + " is in the edited text");
    }

    /** A stretch [o, o + length): both ends on the same side of the edit. */
    int offset(int o, int length) throws Unmappable {
        if (o < 0) return o;
        if (o + Math.max(0, length) <= prefix) return o;
        if (o >= oldSuffix) return o + delta;
        throw new Unmappable("text at " + o + ".." + (o + length) + " overlaps the edited text");
    }

    int line(int l) throws Unmappable {
        if (l <= 0 || l < firstChangedLine) return l;
        if (l > lastChangedLine) return l + lineDelta;
        throw new Unmappable("line " + l + " was edited");
    }

    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)");

    String words(String s) throws Unmappable {
        if (lineDelta == 0 && s.indexOf("line ") < 0) return s;
        Matcher m = LINE.matcher(s);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            int l = Integer.parseInt(m.group(1));
            int to = line(l);
            if (to == l) continue;
            if (out == null) out = new StringBuilder(s.length() + 4);
            out.append(s, last, m.start(1)).append(to);
            last = m.end(1);
        }
        if (out == null) return s;
        return out.append(s, last, s.length()).toString();
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
}
