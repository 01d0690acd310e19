package dev.mmlint.report.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Digests of files by their stat (size, modification and change times in nanoseconds, inode, device), kept in one
 * file beside the cache, as ccache's direct mode and git's index keep theirs: a file whose stat is unchanged is not
 * read again. The stat is taken before the file is read, so a file changed while it is read is recorded under its
 * old stat and read again next time. A file changed within 2 s of being stamped could keep its times (timestamps
 * are coarser than the clock), so such a stat is never recorded: the file is read every time until it is older.
 * The change time cannot be set back, so a file rewritten with its old size and modification time is read again.
 * The file ends with a sha256 of its lines: a damaged or truncated one is not used at all. Thread-safe.
 */
final class FileStamps {
    interface Digest {
        String of(Path p) throws IOException;
    }

    private static final long RACY_NANOS = 2_000_000_000L;
    private static final int MAX_KEPT = 200_000;
    private final Path file;
    /** path -> {stat, digest} */
    private final Map<String, String[]> known = new ConcurrentHashMap<>();
    private final Map<String, Boolean> used = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private FileStamps(Path file) { this.file = file; }

    /** The stamps kept in {@code file} (none when it is null, absent or damaged). */
    static FileStamps read(Path file) {
        FileStamps s = new FileStamps(file);
        if (file == null) return s;
        try {
            byte[] data = Files.readAllBytes(file);
            String text = new String(data, StandardCharsets.UTF_8);
            int last = text.lastIndexOf("\nsha256 ");
            if (last < 0 || !text.substring(last + 8).strip().equals(check(text.substring(0, last + 1)))) return s;
            for (String l : text.substring(0, last).split("\n")) {
                String[] f = l.split("\t");
                if (f.length == 3) s.known.put(f[0], new String[] {f[1], f[2]});
            }
        } catch (IOException | RuntimeException e) {
            // none yet, or unreadable: every file is read
        }
        return s;
    }

    /** The digest of {@code p}, from its recorded stat when that is unchanged, else computed (and recorded). */
    String digest(Path p, Digest compute) throws IOException {
        String abs = p.toAbsolutePath().normalize().toString();
        String stat = stat(p);
        if (stat != null) {
            String[] r = known.get(abs);
            if (r != null && r[0].equals(stat)) {
                used.put(abs, Boolean.TRUE);
                return r[1];
            }
        }
        String d = compute.of(p);
        if (stat != null && d.indexOf('\t') < 0 && d.indexOf('\n') < 0) {
            known.put(abs, new String[] {stat, d});
            used.put(abs, Boolean.TRUE);
            changed = true;
        }
        return d;
    }

    /** The stat of a file as a string, or null when it cannot be trusted (unknown, or changed in the last 2 s). */
    static String stat(Path p) {
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:size,lastModifiedTime,ctime,ino,dev");
            long m = ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
            long c = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
            java.time.Instant now = java.time.Instant.now();
            long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            if (Math.max(m, c) > nowNanos - RACY_NANOS) return null;
            return a.get("size") + " " + m + " " + c + " " + a.get("ino") + " " + a.get("dev");
        } catch (IOException | RuntimeException | LinkageError e) {
            return null; // no unix attributes here: the file is read
        }
    }

    /** Writes the stamps back when new ones were recorded (those of this run, and older ones up to a bound). */
    void write() {
        if (!changed || file == null) return;
        Map<String, String[]> out = new TreeMap<>();
        if (known.size() <= MAX_KEPT) out.putAll(known);
        else for (String k : used.keySet()) out.put(k, known.get(k));
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String[]> e : out.entrySet()) {
            if (e.getKey().indexOf('\t') >= 0 || e.getKey().indexOf('\n') >= 0 || e.getValue() == null) continue;
            b.append(e.getKey()).append('\t').append(e.getValue()[0]).append('\t').append(e.getValue()[1]).append('\n');
        }
        String body = b.toString();
        String text = body + "sha256 " + check(body) + "\n";
        try {
            ResultCache.write(file, text.getBytes(StandardCharsets.UTF_8));
            changed = false;
        } catch (IOException | RuntimeException e) {
            // not recorded: read again next time
        }
    }

    private static String check(String body) { return new ToolFingerprint.Hasher().text(body).hex(); }
}
