package dev.mmlint.frontend.internal;

import dev.mmlint.frontend.KernelConfig;
import dev.mmlint.model.api.KernelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a kernel build would have generated before compiling mm/ (x86_64), written to a cache
 * directory outside the analysed tree (the tree is never written): {@code include/generated/autoconf.h}
 * from the Kconfig values, the asm-generic wrapper headers from the {@code generic-y} /
 * {@code mandatory-y} lines of the Kbuild files, and small stubs (bounds.h, timeconst.h,
 * utsrelease.h, compile.h, asm-offsets.h, uapi/linux/version.h, the arch's {@code generated-y} files).
 * The directory name is a hash of everything the contents depend on, so it is reused across runs
 * and never stale.
 */
public final class GeneratedTree {
    private static final int GENERATOR_VERSION = 1;
    private static final Pattern KBUILD = Pattern.compile("^\\s*(generic|mandatory|generated)-y\\s*\\+?=\\s*(\\S+\\.h)\\s*$");
    private final Path dir;

    private GeneratedTree(Path dir) { this.dir = dir; }

    public Path dir() { return dir; }

    public Path include() { return dir.resolve("include"); }
    public Path archGenerated() { return dir.resolve("arch/x86/include/generated"); }
    public Path archGeneratedUapi() { return dir.resolve("arch/x86/include/generated/uapi"); }
    public Path includeGeneratedUapi() { return dir.resolve("include/generated/uapi"); }

    /**
     * Whether {@code tree} predates include/linux/kconfig.h (Linux 3.1): Kbuild then forced the config
     * header alone ({@code -include include/linux/autoconf.h}, or include/generated/autoconf.h from 2.6.33).
     */
    public static boolean preKconfigH(Path tree) {
        return Files.isRegularFile(tree.resolve("Makefile")) && !Files.exists(tree.resolve("include/linux/kconfig.h"));
    }

    /** The config header Kbuild forced into every file of a tree older than include/linux/kconfig.h. */
    public Path forcedAutoconf() { return include().resolve("linux/autoconf.h"); }

    /** Default cache base: the system property mmlint.cache, else $MMLINT_CACHE, else ~/.cache/mmlint. */
    public static Path defaultCacheBase() {
        String prop = System.getProperty("mmlint.cache");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("MMLINT_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "mmlint");
    }

    public static synchronized GeneratedTree create(Path tree, KernelVersion version, KernelConfig config, Path cacheBase) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("include/generated/autoconf.h", autoconf(config));
        files.put("include/generated/bounds.h", bounds(config));
        files.put("include/generated/timeconst.h", timeconst(config));
        files.put("include/generated/utsrelease.h", "#define UTS_RELEASE \"" + version.major() + "." + version.minor() + "." + version.patch() + "\"\n");
        files.put("include/generated/compile.h", "#define UTS_MACHINE \"x86_64\"\n#define UTS_VERSION \"#1 SMP mmlint\"\n"
                + "#define LINUX_COMPILE_BY \"mmlint\"\n#define LINUX_COMPILE_HOST \"mmlint\"\n#define LINUX_COMPILER \"gcc\"\n");
        files.put("include/generated/asm-offsets.h", "/* mmlint stub: offsets are only needed by assembly */\n");
        files.put("include/generated/rq-offsets.h", "/* mmlint stub */\n");
        files.put("include/generated/uapi/linux/version.h", String.format(
                "#define LINUX_VERSION_CODE %d\n#define KERNEL_VERSION(a,b,c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))\n"
                        + "#define LINUX_VERSION_MAJOR %d\n#define LINUX_VERSION_PATCHLEVEL %d\n#define LINUX_VERSION_SUBLEVEL %d\n",
                (version.major() << 16) + (version.minor() << 8) + Math.min(255, version.patch()), version.major(), version.minor(), version.patch()));
        if (preKconfigH(tree)) {
            // before Linux 3.1 (no include/linux/kconfig.h) Kbuild forced include/linux/autoconf.h, and
            // before 2.6.33 it generated bounds.h and utsrelease.h into include/linux/ too
            files.put("include/linux/autoconf.h", files.get("include/generated/autoconf.h"));
            files.put("include/linux/bounds.h", files.get("include/generated/bounds.h"));
            files.put("include/linux/utsrelease.h", files.get("include/generated/utsrelease.h"));
        }
        wrappers(tree, "include/asm-generic/Kbuild", "arch/x86/include/asm", "arch/x86/include/generated/asm", "asm-generic", files);
        wrappers(tree, "arch/x86/include/asm/Kbuild", "arch/x86/include/asm", "arch/x86/include/generated/asm", "asm-generic", files);
        wrappers(tree, "include/uapi/asm-generic/Kbuild", "arch/x86/include/uapi/asm", "arch/x86/include/generated/uapi/asm", "asm-generic", files);
        wrappers(tree, "arch/x86/include/uapi/asm/Kbuild", "arch/x86/include/uapi/asm", "arch/x86/include/generated/uapi/asm", "asm-generic", files);

        String hash = hash(tree.toAbsolutePath().normalize().toString(), files);
        Path dir = cacheBase.resolve("gen").resolve(hash);
        Path tree0 = tree.toAbsolutePath().normalize();
        if (dir.toAbsolutePath().normalize().startsWith(tree0))
            throw new IllegalArgumentException("cache directory " + dir + " is inside the analysed tree " + tree0 + "; set MMLINT_CACHE elsewhere");
        try {
            if (!Files.isRegularFile(dir.resolve(".complete"))) {
                Path tmp = Files.createDirectories(cacheBase.resolve("gen")).resolve(hash + ".tmp" + ProcessHandle.current().pid());
                for (var e : files.entrySet()) {
                    Path f = tmp.resolve(e.getKey());
                    Files.createDirectories(f.getParent());
                    Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
                }
                Files.writeString(tmp.resolve("SOURCE"), "generated by mmlint for " + tree0 + " (" + version + ", " + config.source() + ")\n");
                Files.writeString(tmp.resolve(".complete"), "");
                try {
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.isRegularFile(dir.resolve(".complete"))) throw raced;
                    deleteTree(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated headers under " + dir, e);
        }
        return new GeneratedTree(dir);
    }

    static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }

    private static void wrappers(Path tree, String kbuild, String archDir, String outDir, String generic, Map<String, String> files) {
        Path k = tree.resolve(kbuild);
        if (!Files.isRegularFile(k)) return;
        List<String> lines;
        try {
            lines = Files.readAllLines(k, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return;
        }
        for (String l : lines) {
            Matcher m = KBUILD.matcher(l);
            if (!m.matches()) continue;
            String h = m.group(2);
            String out = outDir + "/" + h;
            if (files.containsKey(out)) continue;
            if (m.group(1).equals("generated")) {
                files.put(out, "/* mmlint stub for the generated " + h + " */\n");
            } else if (!Files.exists(tree.resolve(archDir).resolve(h))) {
                files.put(out, "#include <" + generic + "/" + h + ">\n");
            }
        }
    }

    /** include/generated/autoconf.h as Kconfig writes it. */
    public static String autoconf(KernelConfig config) {
        StringBuilder b = new StringBuilder("/* generated by mmlint from " + config.source() + " */\n");
        for (var e : config.values().entrySet()) {
            String v = e.getValue();
            if (v.equals("y")) b.append("#define CONFIG_").append(e.getKey()).append(" 1\n");
            else if (v.equals("m")) b.append("#define CONFIG_").append(e.getKey()).append("_MODULE 1\n");
            else if (v.equals("n") || v.isEmpty()) continue;
            else b.append("#define CONFIG_").append(e.getKey()).append(' ').append(v).append('\n');
        }
        return b.toString();
    }

    private static long num(KernelConfig c, String sym, long dflt) {
        String v = c.value(sym);
        if (v == null) return dflt;
        try {
            return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static int orderBase2(long n) { return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1); }

    static String bounds(KernelConfig c) {
        int zones = 2 + (c.enabled("ZONE_DMA") ? 1 : 0) + (c.enabled("ZONE_DMA32") ? 1 : 0)
                + (c.enabled("HIGHMEM") ? 1 : 0) + (c.enabled("ZONE_DEVICE") ? 1 : 0);
        boolean lruGen = c.enabled("LRU_GEN");
        return "/* mmlint stub of kernel/bounds.c output; NR_PAGEFLAGS approximated for x86_64 */\n"
                + "#define NR_PAGEFLAGS 24\n"
                + "#define MAX_NR_ZONES " + zones + "\n"
                + "#define NR_CPUS_BITS " + Math.max(1, orderBase2(num(c, "NR_CPUS", 64))) + "\n"
                + "#define SPINLOCK_SIZE 4\n"
                + "#define LRU_GEN_WIDTH " + (lruGen ? 3 : 0) + "\n"
                + "#define __LRU_REFS_WIDTH " + (lruGen ? 2 : 0) + "\n";
    }

    static String timeconst(KernelConfig c) {
        long hz = num(c, "HZ", 250);
        long g1 = gcd(hz, 1000), g2 = gcd(hz, 1000000);
        return "/* mmlint stub of kernel/time/timeconst.bc output for HZ=" + hz + " */\n"
                + "#ifndef __KERNEL_TIMECONST_H\n#define __KERNEL_TIMECONST_H\n"
                + "#define HZ_TO_MSEC_MUL32 U64_C(0x80000000)\n#define HZ_TO_MSEC_ADJ32 U64_C(0x0)\n#define HZ_TO_MSEC_SHR32 31\n"
                + "#define HZ_TO_MSEC_NUM " + (1000 / g1) + "\n#define HZ_TO_MSEC_DEN " + (hz / g1) + "\n"
                + "#define MSEC_TO_HZ_MUL32 U64_C(0x80000000)\n#define MSEC_TO_HZ_ADJ32 U64_C(0x0)\n#define MSEC_TO_HZ_SHR32 31\n"
                + "#define MSEC_TO_HZ_NUM " + (hz / g1) + "\n#define MSEC_TO_HZ_DEN " + (1000 / g1) + "\n"
                + "#define HZ_TO_USEC_NUM " + (1000000 / g2) + "\n#define HZ_TO_USEC_DEN " + (hz / g2) + "\n"
                + "#define USEC_TO_HZ_MUL32 U64_C(0x80000000)\n#define USEC_TO_HZ_ADJ32 U64_C(0x0)\n#define USEC_TO_HZ_SHR32 31\n"
                + "#define USEC_TO_HZ_NUM " + (hz / g2) + "\n#define USEC_TO_HZ_DEN " + (1000000 / g2) + "\n"
                + "#endif\n";
    }

    private static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }

    private static String hash(String tree, Map<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("v" + GENERATOR_VERSION + "\0" + tree + "\0").getBytes(StandardCharsets.UTF_8));
            for (String k : new TreeSet<>(files.keySet())) {
                md.update(k.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(files.get(k).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
