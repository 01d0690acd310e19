package dev.mmlint.frontend;

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

    @Override public String displayPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
