package dev.mmlint.frontend;

import dev.mmlint.frontend.internal.CachingContentProvider;
import dev.mmlint.frontend.internal.CdtDriver;
import dev.mmlint.frontend.internal.Coverage;
import dev.mmlint.frontend.internal.HeaderCache;
import dev.mmlint.frontend.internal.KernelRewriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;

/**
 * Common machinery of the CDT-backed front-ends: reads and checks the file, applies the same-length
 * rewrite, parses with a per-translation-unit content provider over a shared {@link HeaderCache},
 * and computes function coverage. Subclasses say how a file is compiled ({@link #scannerInfo}).
 */
public abstract class CdtFrontend implements Frontend {
    /** Time spent in CDT (preprocess + parse) and in coverage (binding resolution), all instances. */
    public static final java.util.concurrent.atomic.LongAdder PARSE_NANOS = new java.util.concurrent.atomic.LongAdder();
    public static final java.util.concurrent.atomic.LongAdder COVERAGE_NANOS = new java.util.concurrent.atomic.LongAdder();
    protected final HeaderCache cache;
    private final boolean headerBodies;

    protected CdtFrontend(HeaderCache cache, boolean headerBodies) {
        this.cache = cache;
        this.headerBodies = headerBodies;
    }

    /** Include paths, defines and forced includes for {@code file} (absolute, normalised). */
    protected abstract ExtendedScannerInfo scannerInfo(Path file);

    protected abstract ParsedUnit.Mode mode(Path file);

    /** The shared header cache (for statistics). */
    public HeaderCache headerCache() { return cache; }

    @Override public ParsedUnit parse(Path file) throws InputException {
        Path abs = file.toAbsolutePath().normalize();
        String display = displayPath(abs);
        List<Diagnostic> warnings = new ArrayList<>();
        String text = SourceFiles.read(abs, display, warnings);
        return parse(abs, abs, display, text, warnings);
    }

    @Override public ParsedUnit parseText(Path asFile, String displayPath, String text) throws InputException {
        Path abs = (asFile == null ? Path.of("fragment.c") : asFile).toAbsolutePath().normalize();
        return parse(null, abs, displayPath == null ? displayPath(abs) : displayPath, text, new ArrayList<>());
    }

    private ParsedUnit parse(Path onDisk, Path abs, String display, String text, List<Diagnostic> warnings)
            throws InputException {
        if (text.indexOf('\0') >= 0) throw new InputException(display, 0, "binary text (NUL character); not analysed");
        SourceText source = new SourceText(text);
        char[] chars = KernelRewriter.rewrite(text.toCharArray());
        IASTTranslationUnit tu;
        long t0 = System.nanoTime();
        try {
            tu = CdtDriver.parse(abs.toString(), chars, scannerInfo(abs), new CachingContentProvider(cache), headerBodies);
        } catch (StackOverflowError e) {
            throw new InputException(display, 0, "parser ran out of stack (nesting too deep); run with -Xss8m or more");
        } catch (RuntimeException e) {
            throw new InputException(display, 0, "parser failed: " + e);
        }
        if (tu == null) throw new InputException(display, 0, "parser gave up (too many tokens)");
        long t1 = System.nanoTime();
        Coverage.Result r = Coverage.analyse(tu, source, display, mode(abs) == ParsedUnit.Mode.FRAGMENT);
        PARSE_NANOS.add(t1 - t0);
        COVERAGE_NANOS.add(System.nanoTime() - t1);
        List<Diagnostic> problems = new ArrayList<>(warnings);
        problems.addAll(r.problems());
        return new ParsedUnit(onDisk, display, source, tu, context(), mode(abs), r.functions(), r.coverage(),
                List.copyOf(problems));
    }

    /** GCC's predefined macros as the kernel build sees them (x86_64, gcc 12), shared by all modes. */
    protected static java.util.Map<String, String> gccDefines() {
        java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put("__GNUC__", "12");
        d.put("__GNUC_MINOR__", "2");
        d.put("__GNUC_PATCHLEVEL__", "0");
        d.put("__STDC__", "1");
        d.put("__STDC_VERSION__", "201112L");
        d.put("__x86_64__", "1");
        d.put("__x86_64", "1");
        d.put("__amd64__", "1");
        d.put("__LP64__", "1");
        d.put("_LP64", "1");
        d.put("__linux__", "1");
        d.put("__CHAR_BIT__", "8");
        d.put("__SIZEOF_LONG__", "8");
        d.put("__SIZEOF_INT__", "4");
        d.put("__SIZEOF_POINTER__", "8");
        d.put("__SIZEOF_LONG_LONG__", "8");
        d.put("__SIZEOF_SHORT__", "2");
        d.put("__SIZEOF_INT128__", "16");
        d.put("__ORDER_LITTLE_ENDIAN__", "1234");
        d.put("__ORDER_BIG_ENDIAN__", "4321");
        d.put("__BYTE_ORDER__", "__ORDER_LITTLE_ENDIAN__");
        d.put("__LITTLE_ENDIAN__", "1");
        d.put("__INT_MAX__", "0x7fffffff");
        d.put("__LONG_MAX__", "0x7fffffffffffffffL");
        d.put("__LONG_LONG_MAX__", "0x7fffffffffffffffLL");
        d.put("__SCHAR_MAX__", "0x7f");
        d.put("__SHRT_MAX__", "0x7fff");
        d.put("__SIZE_TYPE__", "long unsigned int");
        d.put("__PTRDIFF_TYPE__", "long int");
        d.put("__OPTIMIZE__", "1");
        return d;
    }
}
