package dev.mmlint.report.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What identifies the analysing code for the result cache: the bytes of mmlint's own jars (or class
 * directories, in a development build; a jar by its entries, so that building the same classes again
 * changes nothing), so that any change of the engine, the checks, the front end
 * or the shipped rules makes every entry of an older build foreign, even when the version string
 * did not change; third-party jars (CDT, EMF, ANTLR) by name and size. Computed once per JVM.
 */
public final class ToolFingerprint {
    private static volatile String value;

    private ToolFingerprint() {}

    /** The fingerprint of the code this JVM runs (hex sha256). */
    public static String current() {
        String v = value;
        if (v == null) {
            synchronized (ToolFingerprint.class) {
                if (value == null) value = compute();
                v = value;
            }
        }
        return v;
    }

    private static String compute() {
        Path stampsFile = null;
        try {
            stampsFile = ResultCache.defaultDir().resolve("tool-stamps");
        } catch (RuntimeException e) {
            // no cache directory known: every jar is read
        }
        FileStamps stamps = FileStamps.read(stampsFile);
        String v = compute(stamps);
        stamps.write();
        return v;
    }

    /**
     * Whether {@code resource}, as {@code anchor}'s class loader finds it, lies in the jar (or class directory)
     * {@code anchor} was loaded from, and that location is one whose bytes the fingerprint holds (an anchor's).
     */
    static boolean holdsResources(Class<?> anchor, List<String> resources) {
        try {
            CodeSource cs = anchor.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null || !ANCHORS.contains(anchor.getName())) return false;
            Path loc = Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize();
            if (!loc.getFileName().toString().startsWith("dev.mmlint") && !Files.isDirectory(loc)) return false;
            for (String resource : resources) {
                java.net.URL r = anchor.getClassLoader().getResource(resource);
                if (r == null) return false;
                String u = r.toString();
                Path in;
                if (u.startsWith("jar:") && u.contains("!/")) in = Path.of(new java.net.URI(u.substring(4, u.indexOf("!/"))));
                else if (u.startsWith("file:")) in = Path.of(r.toURI());
                else return false;
                in = in.toAbsolutePath().normalize();
                if (u.startsWith("jar:") ? !in.equals(loc) : !in.startsWith(loc)) return false;
            }
            return true;
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private static final List<String> ANCHORS = List.of("dev.mmlint.report.LintRun", "dev.mmlint.checks.Checks", "dev.mmlint.engine.Engine",
            "dev.mmlint.frontend.CdtFrontend", "dev.mmlint.cfg.CfgBuilder", "dev.mmlint.model.api.ReferenceModel",
            "dev.mmlint.dsl.RuleSetLoader", "org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage");

    static String compute(FileStamps stamps) {
        Hasher h = new Hasher();
        // one class of every module on the analysis path, and the CDT parser
        List<String> anchors = ANCHORS;
        TreeSet<Path> locations = new TreeSet<>();
        for (String a : anchors) {
            try {
                CodeSource cs = Class.forName(a, false, ToolFingerprint.class.getClassLoader()).getProtectionDomain().getCodeSource();
                if (cs != null && cs.getLocation() != null) locations.add(Path.of(cs.getLocation().toURI()));
                else h.text("no-location:" + a);
            } catch (ClassNotFoundException | URISyntaxException | RuntimeException | LinkageError e) {
                h.text("absent:" + a);
            }
        }
        for (Path p : locations) {
            h.text(p.getFileName() == null ? p.toString() : p.getFileName().toString());
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                            h.text(p.relativize(f).toString());
                            h.file(f);
                        }
                    }
                } else if (p.getFileName().toString().startsWith("dev.mmlint")) h.text("jar").text(stamps.digest(p, ToolFingerprint::jar));
                else h.text(Long.toString(Files.size(p)));
            } catch (IOException e) {
                h.text("unreadable:" + p);
            }
        }
        return h.hex();
    }

    /**
     * A jar by the names and bytes of its entries, without its manifest (bnd writes the build time there):
     * the same classes built again give the same fingerprint.
     */
    private static String jar(Path p) throws IOException {
        Hasher h = new Hasher();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(p.toFile())) {
            List<? extends java.util.zip.ZipEntry> es = z.stream().filter(e -> !e.isDirectory() && !e.getName().equals("META-INF/MANIFEST.MF"))
                    .sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).toList();
            for (java.util.zip.ZipEntry e : es) {
                try (InputStream in = z.getInputStream(e)) {
                    h.text(e.getName()).bytes(in.readAllBytes());
                }
            }
        }
        return h.hex();
    }

    /** A small helper over sha256 with length-prefixed parts (no two sequences of parts hash alike). */
    static final class Hasher {
        private final java.security.MessageDigest md;

        Hasher() {
            try {
                md = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Hasher bytes(byte[] b) {
            md.update(java.nio.ByteBuffer.allocate(8).putLong(b.length).array());
            md.update(b);
            return this;
        }

        Hasher text(String s) { return bytes(s == null ? new byte[] {(byte) 0xff} : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }

        Hasher file(Path f) throws IOException {
            try (InputStream in = Files.newInputStream(f)) {
                return bytes(in.readAllBytes());
            }
        }

        String hex() { return java.util.HexFormat.of().formatHex(md.digest()); }

        byte[] digest() { return md.digest(); }
    }
}
