package dev.mmlint.engine.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of some kernel functions the C sources of a directory call (its {@code .c} and {@code .h} files, the
 * directories below included; comments left out): how a file system's sources say what its mappings may hold.
 * Answers are kept per directory and set of names while the directory's files keep their names, sizes and
 * modification times.
 */
public final class FilesystemScan {
    private FilesystemScan() {}

    /** @param called the names called somewhere in the directory, sorted; {@code files} the sources read */
    public record Result(Set<String> called, int files) {}

    private record Key(Path dir, Set<String> names) {}

    private record Entry(String stamp, Result result) {}

    private static final Map<Key, Entry> CACHE = new ConcurrentHashMap<>();
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** The names of {@code names} that the sources under {@code dir} call; none when it cannot be read. */
    public static Result scan(Path dir, Set<String> names) {
        List<Path> files = sources(dir);
        StringBuilder stamp = new StringBuilder();
        for (Path f : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                stamp.append(f).append('\0').append(a.size()).append('\0').append(a.lastModifiedTime().toMillis()).append('\n');
            } catch (IOException e) {
                stamp.append(f).append("\0?\n");
            }
        }
        Key k = new Key(dir, Set.copyOf(names));
        Entry e = CACHE.get(k);
        if (e != null && e.stamp().equals(stamp.toString())) return e.result();
        Result r = read(files, names);
        CACHE.put(k, new Entry(stamp.toString(), r));
        return r;
    }

    private static Result read(List<Path> files, Set<String> names) {
        Set<String> called = new TreeSet<>();
        if (names.isEmpty()) return new Result(called, files.size());
        StringBuilder alt = new StringBuilder();
        for (String n : new TreeSet<>(names)) alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(n));
        Pattern call = Pattern.compile("\\b(" + alt + ")\\s*\\(");
        for (Path f : files) {
            String text;
            try {
                text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            } catch (IOException x) {
                continue;
            }
            boolean any = false;
            for (String n : names) if (text.contains(n)) { any = true; break; }
            if (!any) continue;
            Matcher m = call.matcher(COMMENT.matcher(text).replaceAll(" "));
            while (m.find()) called.add(m.group(1));
        }
        return new Result(called, files.size());
    }

    private static List<Path> sources(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> out = new ArrayList<>();
            s.filter(p -> { String n = p.getFileName().toString(); return n.endsWith(".c") || n.endsWith(".h"); })
                    .filter(Files::isRegularFile).sorted().forEach(out::add);
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
