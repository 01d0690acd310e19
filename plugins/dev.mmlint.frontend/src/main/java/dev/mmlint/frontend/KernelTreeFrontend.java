package dev.mmlint.frontend;

import dev.mmlint.model.api.KernelVersion;

import dev.mmlint.frontend.internal.GeneratedTree;
import dev.mmlint.frontend.internal.HeaderCache;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;

/**
 * Files of a kernel source tree, parsed as Kbuild would compile them for x86_64: generated
 * headers (autoconf.h from the Kconfig, asm-generic wrappers, stubs) in a cache directory outside
 * the tree, Kbuild's include path order, {@code __KERNEL__} and friends, and the forced includes
 * {@code include/linux/kconfig.h}, {@code include/linux/compiler_types.h}, then mmlint's prelude.
 *
 * <p>Kconfig comes from {@code <tree>/.config}, else the file the user names, else a built-in
 * x86_64 default (and {@link KernelContext#config()}'s source says which).
 *
 * <p>Header work shared across translation units: header texts (rewritten once) and include-path
 * existence answers are cached for the whole tree; bodies of inline functions in headers are
 * skipped, and header declarations the file cannot reach are left out of the parse (see
 * {@link dev.mmlint.frontend.internal.CdtDriver} and {@code README.md}). The preprocessor still
 * runs over every header for every file: declarations are not reused across translation units.
 *
 * <p>{@link #buildStatus(Path)} says whether Kbuild compiles a file under the tree's Kconfig; the
 * functions of a file it does not compile are reported as NOT_BUILT.
 */
public class KernelTreeFrontend extends CdtFrontend {
    public static final String PRELUDE_PATH = "/__mmlint__/mmlint-kernel-prelude.h";
    private final KernelTree tree;
    private final KernelContext context;
    private final GeneratedTree generated;
    private final String[] includeDirs;
    private final String[] forced;
    private final Map<String, String> baseDefines;
    private final dev.mmlint.frontend.internal.Kbuild kbuild;

    public KernelTreeFrontend(KernelTree tree, FrontendOptions options) throws IOException {
        super(newCache(), options.headerBodies());
        cache.setBlankBodies(!options.headerBodies() && !Boolean.getBoolean("mmlint.keepHeaderBodyText"));
        this.tree = tree;
        Path root = tree.root();
        KernelConfig config;
        Path dotConfig = root.resolve(".config");
        if (Files.isRegularFile(dotConfig)) config = KernelConfig.read(dotConfig);
        else if (options.config() != null) config = KernelConfig.read(options.config());
        else config = readDefault();
        KernelVersion v = options.kernelVersion() != null ? options.kernelVersion() : tree.version();
        String vsrc = options.kernelVersion() != null ? "--kernel-version " + options.kernelVersion()
                : root.resolve("Makefile") + " (VERSION/PATCHLEVEL/SUBLEVEL)";
        this.context = new KernelContext(v, vsrc, config);
        Path cacheBase = options.cacheDir() != null ? options.cacheDir() : GeneratedTree.defaultCacheBase();
        this.generated = GeneratedTree.create(root, v, config, cacheBase);
        String arch = root.resolve("arch/x86/include").toString();
        this.includeDirs = new String[] {
            arch,
            generated.archGenerated().toString(),
            root.resolve("include").toString(),
            generated.include().toString(),
            root.resolve("arch/x86/include/uapi").toString(),
            generated.archGeneratedUapi().toString(),
            root.resolve("include/uapi").toString(),
            generated.includeGeneratedUapi().toString(),
        };
        // a tree older than Linux 3.1 has no include/linux/kconfig.h (Kbuild forced the config header
        // itself) and one older than 4.16 no compiler_types.h (every header includes linux/compiler.h)
        List<String> f = new ArrayList<>();
        if (GeneratedTree.preKconfigH(root)) f.add(generated.forcedAutoconf().toString());
        else f.add(root.resolve("include/linux/kconfig.h").toString());
        if (!GeneratedTree.preKconfigH(root) || Files.exists(root.resolve("include/linux/compiler_types.h")))
            f.add(root.resolve("include/linux/compiler_types.h").toString());
        f.add(PRELUDE_PATH);
        this.forced = f.toArray(String[]::new);
        Map<String, String> d = gccDefines();
        String gcc = config.value("GCC_VERSION");
        if (gcc != null && gcc.matches("\\d{5,6}")) {
            int n = Integer.parseInt(gcc);
            d.put("__GNUC__", Integer.toString(n / 10000));
            d.put("__GNUC_MINOR__", Integer.toString(n / 100 % 100));
            d.put("__GNUC_PATCHLEVEL__", Integer.toString(n % 100));
        }
        d.put("__KERNEL__", "1");
        d.put("CC_USING_FENTRY", "1");
        d.put("__MMLINT__", "1");
        this.baseDefines = d;
        this.kbuild = new dev.mmlint.frontend.internal.Kbuild(root, config);
    }

    /**
     * Whether Kbuild compiles {@code file} under this tree's Kconfig, from the {@code obj-y} /
     * {@code obj-$(CONFIG_X)} lines of its directory's Makefile and of the directories above.
     */
    @Override public BuildStatus buildStatus(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(tree.root()) ? kbuild.status(abs) : BuildStatus.unknown("outside the kernel tree " + tree.root());
    }

    private static HeaderCache newCache() {
        HeaderCache c = new HeaderCache(true);
        c.addVirtualFile(PRELUDE_PATH, FragmentFrontend.resource("mmlint-kernel-prelude.h"));
        return c;
    }

    private static KernelConfig readDefault() throws IOException {
        String text = FragmentFrontend.resource("default-x86_64.config");
        Map<String, String> v = new LinkedHashMap<>();
        for (String l : new java.io.BufferedReader(new StringReader(text)).lines().toList()) {
            if (!l.startsWith("CONFIG_")) continue;
            int eq = l.indexOf('=');
            v.put(l.substring(7, eq), l.substring(eq + 1));
        }
        return new KernelConfig(v, "no Kconfig known (no .config in tree, no --config): built-in x86_64 default");
    }

    public KernelTree tree() { return tree; }

    public Path generatedDir() { return generated.dir(); }

    /** Include directories, in search order. */
    public List<String> includeDirs() { return List.of(includeDirs); }

    public List<String> forcedIncludes() { return List.of(forced); }

    public Map<String, String> defines() { return Map.copyOf(baseDefines); }

    @Override protected ExtendedScannerInfo scannerInfo(Path file) {
        Map<String, String> d = new LinkedHashMap<>(baseDefines);
        String base = file.getFileName().toString().replaceAll("\\.[ch]$", "").replace('-', '_');
        d.put("KBUILD_MODNAME", "\"" + base + "\"");
        d.put("KBUILD_BASENAME", "\"" + base + "\"");
        d.put("KBUILD_MODFILE", "\"" + relative(file).replaceAll("\\.[ch]$", "") + "\"");
        List<String> dirs = new ArrayList<>(List.of(includeDirs));
        return new ExtendedScannerInfo(d, dirs.toArray(String[]::new), null, forced);
    }

    @Override protected ParsedUnit.Mode mode(Path file) { return ParsedUnit.Mode.KERNEL_TREE; }

    @Override public KernelContext context() { return context; }

    /**
     * With the file system directory {@code file} belongs to: {@code fs/<name>} of the tree when the file lies
     * below it (not a file of fs/ itself, which is the VFS and its helpers, shared by every file system).
     */
    @Override public KernelContext contextOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(tree.root())) return context;
        Path rel = tree.root().relativize(abs);
        if (rel.getNameCount() < 3 || !rel.getName(0).toString().equals("fs")) return context;
        return context.withFilesystem(tree.root().resolve("fs").resolve(rel.getName(1)));
    }

    private String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(tree.root()) ? tree.root().relativize(abs).toString() : abs.toString();
    }

    @Override public String displayPath(Path file) { return relative(file); }
}
