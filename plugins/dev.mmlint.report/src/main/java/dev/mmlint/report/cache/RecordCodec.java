package dev.mmlint.report.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary form of mmlint's result values (findings, function coverage, diagnostics): records,
 * enums, strings, boxed numbers and booleans, lists and maps, written by their components, so a
 * field added to a record is carried without a change here. Reading creates only records and enums
 * of mmlint's own packages, through their canonical constructors; anything else, or a value that
 * does not fit the component it is read into, is a {@link IOException} (the entry is then ignored).
 * A value of a type not listed above cannot be written ({@link IllegalArgumentException}).
 */
final class RecordCodec {
    private static final int NULL = 0, STRING = 1, INT = 2, LONG = 3, BOOL = 4, DOUBLE = 5, ENUM = 6, LIST = 7, MAP = 8, RECORD = 9;
    private static final String OWN_PACKAGES = "dev.mmlint.";
    private static final int MAX_DEPTH = 64;

    private RecordCodec() {}

    static byte[] encode(Object value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            write(out, value, 0);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
    }

    static Object decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data));
        Object v = read(in, 0);
        if (in.available() != 0) throw new IOException("trailing bytes after the value");
        return v;
    }

    private static void write(DataOutputStream out, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("value nested too deeply");
        if (v == null) out.writeByte(NULL);
        else if (v instanceof String s) {
            out.writeByte(STRING);
            string(out, s);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOL);
            out.writeBoolean(b);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Enum<?> e) {
            out.writeByte(ENUM);
            string(out, e.getDeclaringClass().getName());
            string(out, e.name());
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object x : list) write(out, x, depth + 1);
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey(), depth + 1);
                write(out, e.getValue(), depth + 1);
            }
        } else if (v instanceof Record r && r.getClass().getName().startsWith(OWN_PACKAGES)) {
            out.writeByte(RECORD);
            string(out, r.getClass().getName());
            RecordComponent[] cs = r.getClass().getRecordComponents();
            out.writeInt(cs.length);
            for (RecordComponent c : cs) {
                Object x;
                try {
                    c.getAccessor().setAccessible(true);
                    x = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + c.getName() + ": " + e);
                }
                write(out, x, depth + 1);
            }
        } else throw new IllegalArgumentException("no cache form for a " + v.getClass().getName());
    }

    private static Object read(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IOException("value nested too deeply");
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL: return null;
            case STRING: return string(in);
            case INT: return in.readInt();
            case LONG: return in.readLong();
            case BOOL: return in.readBoolean();
            case DOUBLE: return in.readDouble();
            case ENUM: {
                Class<?> k = ownClass(string(in));
                String name = string(in);
                if (!k.isEnum()) throw new IOException(k.getName() + " is not an enum");
                for (Object c : k.getEnumConstants()) if (((Enum<?>) c).name().equals(name)) return c;
                throw new IOException("no constant " + name + " in " + k.getName());
            }
            case LIST: {
                int n = count(in);
                List<Object> l = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) l.add(read(in, depth + 1));
                return Collections.unmodifiableList(l);
            }
            case MAP: {
                int n = count(in);
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) m.put(read(in, depth + 1), read(in, depth + 1));
                return Collections.unmodifiableMap(m);
            }
            case RECORD: {
                Class<?> k = ownClass(string(in));
                if (!k.isRecord()) throw new IOException(k.getName() + " is not a record");
                RecordComponent[] cs = k.getRecordComponents();
                int n = in.readInt();
                if (n != cs.length) throw new IOException(k.getName() + " has " + cs.length + " components, the entry " + n);
                Object[] args = new Object[n];
                Class<?>[] types = new Class<?>[n];
                for (int i = 0; i < n; i++) {
                    types[i] = cs[i].getType();
                    args[i] = read(in, depth + 1);
                    if (!fits(types[i], args[i])) throw new IOException(k.getName() + "." + cs[i].getName() + " cannot hold " + args[i]);
                }
                try {
                    Constructor<?> c = k.getDeclaredConstructor(types);
                    c.setAccessible(true);
                    return c.newInstance(args);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IOException("cannot create " + k.getName() + ": " + e, e);
                }
            }
            default: throw new IOException("unknown tag " + tag);
        }
    }

    private static boolean fits(Class<?> type, Object v) {
        if (!type.isPrimitive()) return v == null || type.isInstance(v);
        if (type == int.class) return v instanceof Integer;
        if (type == long.class) return v instanceof Long;
        if (type == boolean.class) return v instanceof Boolean;
        if (type == double.class) return v instanceof Double;
        return false;
    }

    private static Class<?> ownClass(String name) throws IOException {
        if (!name.startsWith(OWN_PACKAGES)) throw new IOException("not an mmlint type: " + name);
        try {
            return Class.forName(name, false, RecordCodec.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IOException("unknown type " + name, e);
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("bad element count " + n);
        return n;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = count(in);
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new IOException("truncated string");
        return new String(b, StandardCharsets.UTF_8);
    }
}
