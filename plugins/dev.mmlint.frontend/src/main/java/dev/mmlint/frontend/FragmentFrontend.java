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
 * No Kconfig is known: {@code IS_ENABLED(CONFIG_X)} is 0 and {@code #ifdef CONFIG_X} is false.
 */
public final class FragmentFrontend extends CdtFrontend {
    /** Absolute path under which the built-in prelude is served (never read from disk). */
    public static final String BUILTIN_PATH = "/__mmlint__/mmlint-builtin.h";
    private final KernelContext context;

    public FragmentFrontend(KernelContext context) {
        super(newCache(), true);
        this.context = context;
    }

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

    @Override public KernelContext context() { return context; }

    private static final java.util.regex.Pattern STATED_KERNEL =
            java.util.regex.Pattern.compile("mmlint-kernel:\\s*(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final java.util.regex.Pattern STATED_CONFIG = java.util.regex.Pattern.compile("mmlint-config:([^\\n]*)");
    private static final java.util.regex.Pattern CONFIG_ENTRY = java.util.regex.Pattern.compile("(?:CONFIG_)?([A-Za-z0-9_]+)=(\\S+)");

    /**
     * A fragment may say which kernel it comes from in its leading comment ({@code mmlint-kernel: 6.1}),
     * as the fixtures do, and which Kconfig values it needs ({@code mmlint-config: CONFIG_A=y CONFIG_B=n},
     * stated values for rule gating; the preprocessor still sees no CONFIG_ symbol); a version or a
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
            ctx = ctx.withConfig(new KernelConfig(values, "stated in the file (mmlint-config:" + c.group(1).stripTrailing() + ")"));
        }
        return ctx;
    }

    @Override public String displayPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
