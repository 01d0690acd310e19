package dev.mmlint.frontend;

import dev.mmlint.model.api.KernelVersion;

import dev.mmlint.frontend.internal.HeaderCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;

/**
 * Lone files and fragments with no kernel tree around them (a function copied out of mm/gup.c, a
 * patch hunk). Built-in knowledge only: the prelude {@code mmlint-builtin.h} (a resource) is forced in
 * first and declares the kernel mm vocabulary, so fragments get real types. {@code #include}s are
 * resolved against the file's own directory and every {@code include/} directory among its
 * ancestors (nearest first); an include that resolves nowhere is skipped, not an error.
 * No Kconfig is known beyond what the file states ({@code mmlint-config:}, defined for the
 * preprocessor too): a file whose conditionals ({@code #ifdef CONFIG_X}, {@code #if
 * IS_ENABLED(CONFIG_X)}, {@code if (IS_ENABLED(CONFIG_X))}) test other CONFIG_ symbols is parsed
 * twice, with those symbols not set (the unit) and all defined to 1 (its {@link ParsedUnit.Variant}),
 * so that both arms are analysed; the engine merges the findings.
 */
public final class FragmentFrontend extends CdtFrontend {
    /** Absolute path under which the built-in prelude is served (never read from disk). */
    public static final String BUILTIN_PATH = "/__mmlint__/mmlint-builtin.h";
    private final KernelContext context;

    public FragmentFrontend(KernelContext context) {
        super(newCache(), true);
        this.context = context;
    }

    /**
     * The built-in prelude as recorded once per JVM and preprocessor configuration (the stated Kconfig
     * values are macros too): every fragment is parsed after the recorded prelude, not after a fresh
     * preprocessing of it, with the same AST, locations and findings. {@code -Dmmlint.fragmentPrelude=false}
     * turns it off.
     */
    private static final dev.mmlint.frontend.internal.Preludes PRELUDES =
            new dev.mmlint.frontend.internal.Preludes(16, Math.max(2, Runtime.getRuntime().availableProcessors()));
    private volatile boolean preludeReuse = !"false".equals(System.getProperty("mmlint.fragmentPrelude"));

    /** Whether fragments are parsed after the recorded prelude (default on) or after a fresh preprocessing of it. */
    public void setPreludeReuse(boolean on) { preludeReuse = on; }

    @Override protected dev.mmlint.frontend.internal.Preludes preludes() { return preludeReuse ? PRELUDES : null; }

    public FragmentFrontend() { this(new KernelContext(null, "unknown (lone fragment: no kernel tree)",
            KernelConfig.empty("no Kconfig known (lone fragment)"))); }

    private static HeaderCache newCache() {
        HeaderCache c = new HeaderCache(true);
        c.addVirtualFile(BUILTIN_PATH, resource("mmlint-builtin.h"));
        return c;
    }

    static String resource(String name) {
        try (InputStream in = FragmentFrontend.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override protected ExtendedScannerInfo scannerInfo(Path file) {
        List<String> dirs = new ArrayList<>();
        Path dir = file.getParent();
        if (dir != null) dirs.add(dir.toString());
        for (Path p = dir; p != null; p = p.getParent()) {
            Path inc = p.resolve("include");
            if (Files.isDirectory(inc)) dirs.add(inc.toString());
        }
        Map<String, String> defines = gccDefines();
        defines.put("__KERNEL__", "1");
        defines.put("__MMLINT_FRAGMENT__", "1");
        return new ExtendedScannerInfo(defines, dirs.toArray(String[]::new), null, new String[] {BUILTIN_PATH});
    }

    @Override protected ParsedUnit.Mode mode(Path file) { return ParsedUnit.Mode.FRAGMENT; }

    /** A conditional directive line (with its continuation lines). */
    private static final java.util.regex.Pattern CONDITIONAL =
            java.util.regex.Pattern.compile("(?m)^[ \\t]*#[ \\t]*(?:if|ifdef|ifndef|elif)\\b(?:[^\\n\\\\]|\\\\\\n|\\\\)*");
    private static final java.util.regex.Pattern CONFIG_SYMBOL = java.util.regex.Pattern.compile("\\bCONFIG_[A-Za-z0-9_]+");
    private static final java.util.regex.Pattern CONFIG_TEST =
            java.util.regex.Pattern.compile("\\bIS_(?:ENABLED|BUILTIN|MODULE|REACHABLE)\\s*\\(\\s*(CONFIG_[A-Za-z0-9_]+)\\s*\\)");

    /**
     * The CONFIG_ symbols {@code text} tests: those named in conditional directives and in
     * {@code IS_ENABLED()}-style tests anywhere (comments included: a commented-out test costs only
     * a second parse that finds nothing more).
     */
    static java.util.SortedSet<String> testedSymbols(String text) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        java.util.regex.Matcher d = CONDITIONAL.matcher(text);
        while (d.find()) {
            java.util.regex.Matcher m = CONFIG_SYMBOL.matcher(d.group());
            while (m.find()) out.add(m.group());
        }
        java.util.regex.Matcher t = CONFIG_TEST.matcher(text);
        while (t.find()) out.add(t.group(1));
        return out;
    }

    /**
     * The stated values as the preprocessor sees them ({@code y}: 1, {@code m}: {@code _MODULE} 1, a
     * number or string as written, {@code n}: not defined); then, when the file tests symbols it does
     * not state, a second set with those defined to 1.
     */
    @Override protected List<DefineSet> defineSets(SourceText source, String display) throws InputException {
        KernelConfig config = contextFor(source, display).config();
        Map<String, String> stated = new java.util.LinkedHashMap<>();
        if (config.stated())
            config.values().forEach((k, v) -> {
                if ("y".equals(v)) stated.put("CONFIG_" + k, "1");
                else if ("m".equals(v)) stated.put("CONFIG_" + k + "_MODULE", "1");
                else if (!"n".equals(v)) stated.put("CONFIG_" + k, v);
            });
        List<String> open = new ArrayList<>();
        for (String sym : testedSymbols(source.content())) {
            String bare = sym.substring("CONFIG_".length());
            if (config.stated() && config.values().containsKey(bare.endsWith("_MODULE") ? bare.substring(0, bare.length() - 7) : bare))
                continue; // stated: the same in every parse
            if (config.stated() && !config.partial()) continue; // a whole .config: unset means n
            open.add(sym);
        }
        if (stated.isEmpty() && open.isEmpty()) return List.of();
        DefineSet first = new DefineSet(Map.copyOf(stated), List.of());
        if (open.isEmpty()) return List.of(first);
        Map<String, String> all = new java.util.LinkedHashMap<>(stated);
        for (String sym : open) all.put(sym, "1");
        return List.of(first, new DefineSet(Map.copyOf(all), open));
    }

    @Override public KernelContext context() { return context; }

    private static final java.util.regex.Pattern STATED_KERNEL =
            java.util.regex.Pattern.compile("mmlint-kernel:\\s*(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final java.util.regex.Pattern STATED_CONFIG = java.util.regex.Pattern.compile("mmlint-config:([^\\n]*)");
    private static final java.util.regex.Pattern CONFIG_ENTRY = java.util.regex.Pattern.compile("(?:CONFIG_)?([A-Za-z0-9_]+)=(\\S+)");

    /**
     * A fragment may say which kernel it comes from in its leading comment ({@code mmlint-kernel: 6.1}),
     * as the fixtures do, and which Kconfig values it needs ({@code mmlint-config: CONFIG_A=y CONFIG_B=n},
     * stated values for rule gating and for the preprocessor; symbols it does not state stay unknown); a version or a
     * configuration given on the command line wins. A malformed {@code mmlint-config:} entry is an
     * error naming the file and line.
     */
    @Override protected KernelContext contextFor(SourceText source, String display) throws InputException {
        String head = source.content().substring(0, Math.min(source.content().length(), 4096));
        int i = 0;
        while (i < head.length()) { // skip blank space and // lines (SPDX) before the leading comment
            if (Character.isWhitespace(head.charAt(i))) i++;
            else if (head.startsWith("//", i)) { int nl = head.indexOf('\n', i); i = nl < 0 ? head.length() : nl + 1; }
            else break;
        }
        if (!head.startsWith("/*", i)) return context;
        int end = head.indexOf("*/", i + 2);
        if (end < 0) return context;
        String comment = head.substring(i, end);
        KernelContext ctx = context;
        java.util.regex.Matcher m = STATED_KERNEL.matcher(comment);
        if (ctx.version() == null && m.find())
            ctx = ctx.withVersion(KernelVersion.parse(m.group(1)), "stated in the file (mmlint-kernel: " + m.group(1) + ")");
        java.util.regex.Matcher c = STATED_CONFIG.matcher(comment);
        if (!ctx.config().stated() && c.find()) {
            java.util.Map<String, String> values = new java.util.TreeMap<>();
            int line = source.line(i + c.start());
            for (String kv : c.group(1).replace("*/", "").trim().split("\\s+")) {
                if (kv.isEmpty()) continue;
                java.util.regex.Matcher e = CONFIG_ENTRY.matcher(kv);
                if (!e.matches()) throw new InputException(display, line, "malformed mmlint-config entry '" + kv + "' (expected CONFIG_X=y|n|m|value)");
                values.put(e.group(1), e.group(2));
            }
            // only the stated symbols are known: a fragment says what its bug needs, not a whole .config
            ctx = ctx.withConfig(new KernelConfig(values, "stated in the file (mmlint-config:" + c.group(1).stripTrailing() + ")", true));
        }
        return ctx;
    }

    private static final java.util.regex.Pattern STATED_FILESYSTEM = java.util.regex.Pattern.compile("mmlint-filesystem:\\s*(\\S+)");

    /**
     * A fragment may say which file system it belongs to ({@code mmlint-filesystem: fs/nolarge}, a directory
     * relative to the fragment's own, whose sources stand for that file system's), as the fixtures do; with none,
     * a lone file belongs to no known file system.
     */
    @Override protected KernelContext contextFor(Path abs, SourceText source, String display) throws InputException {
        KernelContext ctx = contextFor(source, display);
        String head = source.content().substring(0, Math.min(source.content().length(), 4096));
        int end = head.indexOf("*/");
        java.util.regex.Matcher m = STATED_FILESYSTEM.matcher(end < 0 ? "" : head.substring(0, end));
        if (m.find() && abs != null && abs.getParent() != null)
            ctx = ctx.withFilesystem(abs.getParent().resolve(m.group(1).replace("*/", "")).normalize());
        return ctx;
    }

    @Override public String displayPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
