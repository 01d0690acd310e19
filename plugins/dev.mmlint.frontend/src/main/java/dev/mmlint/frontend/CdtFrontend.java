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
    public static final dev.mmlint.frontend.Counter PARSE_NANOS = new dev.mmlint.frontend.Counter();
    public static final dev.mmlint.frontend.Counter COVERAGE_NANOS = new dev.mmlint.frontend.Counter();
    /** Translation units parsed with header pruning, and those parsed again in full because the pruned parse had doubts. */
    public static final dev.mmlint.frontend.Counter PRUNED_UNITS = new dev.mmlint.frontend.Counter();
    public static final dev.mmlint.frontend.Counter PRUNE_FALLBACKS = new dev.mmlint.frontend.Counter();
    /**
     * Pruned parses with doubts kept without a full parse: every doubt is a missing name that no
     * declaration pruning left out spells, so the full parse would have the same doubts.
     */
    public static final dev.mmlint.frontend.Counter PRUNE_DOUBTS_KEPT = new dev.mmlint.frontend.Counter();
    /** Whether a pruned parse whose doubts pruning cannot have caused is kept (-Dmmlint.pruneKeepsDoubts=false: every doubt means a full parse). */
    static final boolean KEEP_DOUBTS_PRUNING_CANNOT_CAUSE = !"false".equals(System.getProperty("mmlint.pruneKeepsDoubts"));
    /** Header tokens seen and kept by pruning, all instances. */
    public static final dev.mmlint.frontend.Counter HEADER_TOKENS = new dev.mmlint.frontend.Counter();
    public static final dev.mmlint.frontend.Counter HEADER_TOKENS_KEPT = new dev.mmlint.frontend.Counter();
    protected final HeaderCache cache;
    private final boolean headerBodies;
    private volatile boolean pruneHeaders = !"false".equals(System.getProperty("mmlint.pruneHeaders"));
    private volatile dev.mmlint.frontend.internal.Preambles preambles;

    protected CdtFrontend(HeaderCache cache, boolean headerBodies) {
        this.cache = cache;
        this.headerBodies = headerBodies;
    }

    /** Include paths, defines and forced includes for {@code file} (absolute, normalised). */
    protected abstract ExtendedScannerInfo scannerInfo(Path file);

    protected abstract ParsedUnit.Mode mode(Path file);

    /** The quote include directories, then the include directories, of {@code file}'s scanner info. */
    @Override public List<Path> includeSearchPath(Path file) {
        ExtendedScannerInfo info = scannerInfo(file.toAbsolutePath().normalize());
        List<Path> dirs = new ArrayList<>();
        for (String[] ds : new String[][] {info.getLocalIncludePath(), info.getIncludePaths()})
            if (ds != null) for (String d : ds) dirs.add(Path.of(d).toAbsolutePath().normalize());
        return dirs;
    }

    /**
     * Whether the build compiles {@code file} (absolute, normalised) under this front-end's Kconfig.
     * Default: unknown.
     */
    public BuildStatus buildStatus(Path file) { return BuildStatus.unknown("no Kbuild information in this mode"); }

    /** The shared header cache (for statistics). */
    public HeaderCache headerCache() { return cache; }

    /**
     * Whether header declarations the main file cannot reach are left out of the AST (default on,
     * unless {@code -Dmmlint.pruneHeaders=false}; never when header bodies are parsed). See
     * {@link dev.mmlint.frontend.internal.HeaderPruner}. A pruned parse whose coverage is not
     * entirely clean is redone in full, so coverage and problems are those of a full parse.
     */
    public void setHeaderPruning(boolean on) { pruneHeaders = on; }

    /**
     * Whether the units the calling thread parses next record their headers' inclusions for later units to
     * replay (on by default; see {@link dev.mmlint.frontend.internal.InclusionMemo}). A run turns it off for
     * the last unit it parses: no later unit would replay what it records. Returns the setting before.
     */
    public static boolean recordInclusions(boolean on) { return dev.mmlint.frontend.internal.InclusionMemo.recording(on); }

    /**
     * Drops the preamble kept for {@code file} (see {@link #setPreambleReuse}): its caller will parse that file no
     * more, and the headers' tokens it holds would only weigh on the heap (and on every young collection).
     */
    public void forgetPreamble(Path file) {
        dev.mmlint.frontend.internal.Preambles p = preambles;
        if (p != null && file != null) p.remove(file.toAbsolutePath().normalize().toString());
    }

    public boolean headerPruning() { return pruneHeaders && !headerBodies; }

    /**
     * Keeps the preambles of the last {@code files} files parsed (0: none, the default), so that a
     * file parsed again with the same preamble (its text up to the first token of its own: the
     * includes) is not preprocessed again with all its headers. For editors and IDE builders, which
     * parse the same file over and over; a batch run parses each file once and gains nothing. Only
     * pruned parses re-use (see {@link dev.mmlint.frontend.internal.Preambles}).
     */
    public void setPreambleReuse(int files) {
        preambles = files > 0 ? new dev.mmlint.frontend.internal.Preambles(files) : null;
    }

    /**
     * Whether the full parse after a pruned parse's doubt re-uses the preamble that parse recorded
     * ({@code -Dmmlint.fullParseReusesPreamble}, default on): the headers before the file's first token
     * are not preprocessed a second time.
     */
    static final boolean FULL_REUSE = !"false".equals(System.getProperty("mmlint.fullParseReusesPreamble"));

    /** Full parses after a pruned parse's doubt that re-used its preamble, all instances. */
    public static long fullParsesReusingPreamble() { return dev.mmlint.frontend.internal.Preambles.REUSED_FULL.sum(); }

    /**
     * Where full parses find the recorded forced include of their configuration (see
     * {@link dev.mmlint.frontend.internal.Preludes}), or null: every parse preprocesses it again
     * (the default).
     */
    protected dev.mmlint.frontend.internal.Preludes preludes() { return null; }

    /** Parses that re-used a recorded prelude (forced include), all instances. */
    public static long preludesReused() { return dev.mmlint.frontend.internal.Preludes.REUSED.sum(); }

    /** Parses that re-used a recorded preamble, all instances. */
    /**
     * Every include directive the parse of {@code tu} met, those inside the headers whose inclusion it
     * replayed ({@link dev.mmlint.frontend.internal.InclusionMemo}) too: which headers the unit read.
     */
    public static List<IncludeFact> includes(org.eclipse.cdt.core.dom.ast.IASTTranslationUnit tu) {
        return dev.mmlint.frontend.internal.InclusionMemo.includes(tu);
    }

    /** The front end's counters of this process, in one line (for {@code MMLINT_TIMING}). */
    public static String statistics() {
        return "inclusions replayed " + dev.mmlint.frontend.internal.InclusionMemo.REPLAYED.sum()
                + ", recorded " + dev.mmlint.frontend.internal.InclusionMemo.RECORDED.sum()
                + ", preprocessed " + dev.mmlint.frontend.internal.InclusionMemo.PREPROCESSED.sum()
                + ", tokens replayed " + dev.mmlint.frontend.internal.InclusionMemo.REPLAYED_TOKENS.sum()
                + ", units checked against a parse from scratch " + dev.mmlint.frontend.internal.InclusionMemo.CHECKED.sum()
                + ", pruned units " + PRUNED_UNITS.sum() + ", full parses after pruning " + PRUNE_FALLBACKS.sum();
    }

    public static long preamblesReused() { return dev.mmlint.frontend.internal.Preambles.REUSED.sum(); }

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
        List<DefineSet> sets = defineSets(source, display);
        ParsedUnit main = parse(onDisk, abs, display, text, source, warnings, sets.isEmpty() ? java.util.Map.of() : sets.get(0).defines(), true);
        if (sets.size() < 2) return main;
        List<ParsedUnit.Variant> vs = new ArrayList<>();
        for (DefineSet d : sets.subList(1, sets.size()))
            // a recorded preamble holds the macros of the first set: variants never re-use one
            vs.add(new ParsedUnit.Variant(d.enabled(), parse(onDisk, abs, display, text, source, new ArrayList<>(), d.defines(), false)));
        return main.withVariants(vs);
    }

    /**
     * Macros defined for one parse of a text, beside the front end's own.
     *
     * @param enabled the CONFIG_ symbols this set defines beyond the first set (empty for the first)
     */
    protected record DefineSet(java.util.Map<String, String> defines, List<String> enabled) {}

    /**
     * The preprocessor assumptions to parse {@code source} under: the first gives the unit, any further
     * one a {@link ParsedUnit.Variant}. Default: one parse, nothing defined beyond {@link #scannerInfo}.
     */
    protected List<DefineSet> defineSets(SourceText source, String display) throws InputException { return List.of(); }

    private ParsedUnit parse(Path onDisk, Path abs, String display, String text, SourceText source,
                             List<Diagnostic> warnings, java.util.Map<String, String> extraDefines, boolean reusePreamble)
            throws InputException {
        char[] chars = KernelRewriter.rewrite(text.toCharArray());
        BuildStatus build = buildStatus(abs); // in-memory text gets the status of the file it stands for
        // a file the build does not compile is pruned too: its doubts (types compiled out) are mostly not
        // pruning's, and a doubt that may be makes a full parse as for any file (6.12 mm/: 16 of 49 such files)
        boolean prune = headerPruning();
        ExtendedScannerInfo info = scannerInfo(abs);
        if (!extraDefines.isEmpty()) {
            java.util.Map<String, String> d = new java.util.LinkedHashMap<>(info.getDefinedSymbols());
            d.putAll(extraDefines);
            info = new ExtendedScannerInfo(d, info.getIncludePaths(), info.getMacroFiles(), info.getIncludeFiles());
        }
        boolean fragment = mode(abs) == ParsedUnit.Mode.FRAGMENT;
        CdtDriver.Outcome parsed = cdt(abs, display, chars, info, prune, prune && reusePreamble);
        IASTTranslationUnit tu = parsed.tu();
        long t1 = System.nanoTime();
        Coverage.Result r = coverage(tu, source, display, fragment);
        COVERAGE_NANOS.add(System.nanoTime() - t1);
        Budget.checkCurrent();
        boolean notPruningsDoing = prune && !r.certain() && parsed.pruning() != null
                && !r.doubtNames().nameless() && !parsed.dropped().spellsAnyOf(r.doubtNames().names());
        parsed = null; // what pruning dropped is not needed past this point
        if (notPruningsDoing && KEEP_DOUBTS_PRUNING_CANNOT_CAUSE) {
            PRUNE_DOUBTS_KEPT.increment();
            if (Boolean.getBoolean("mmlint.debugPrune")) System.err.println(display + ": pruned parse kept, its doubts are not pruning's: " + r.doubt());
        } else if (prune && !r.certain() && !"false".equals(System.getProperty("mmlint.pruneFallback"))) {
            // something did not resolve: make sure it is not for want of a pruned declaration
            PRUNE_FALLBACKS.increment();
            if (Boolean.getBoolean("mmlint.debugPrune")) System.err.println(display + ": full parse after pruning, " + r.doubt());
            tu = cdt(abs, display, chars, info, false, reusePreamble && FULL_REUSE).tu();
            t1 = System.nanoTime();
            r = coverage(tu, source, display, fragment);
            COVERAGE_NANOS.add(System.nanoTime() - t1);
        }
        List<FunctionCoverage> coverage = r.coverage();
        if (build.isNotBuilt()) {
            List<FunctionCoverage> nb = new ArrayList<>(coverage.size());
            for (FunctionCoverage fc : coverage) {
                List<String> why = new ArrayList<>(fc.reasons().size() + 1);
                why.add("not built: " + build.reason());
                why.addAll(fc.reasons());
                nb.add(new FunctionCoverage(fc.name(), fc.line(), FunctionCoverage.Status.NOT_BUILT, List.copyOf(why)));
            }
            coverage = List.copyOf(nb);
        }
        List<Diagnostic> problems = new ArrayList<>(warnings);
        problems.addAll(r.problems());
        return new ParsedUnit(onDisk, display, source, tu, contextFor(abs, source, display), mode(abs), r.functions(), coverage,
                List.copyOf(problems), build);
    }

    /**
     * Binding resolution over the parsed unit. CDT's type computation recurses through declarations;
     * on input whose types depend on themselves it can run out of stack at any stack size, which is
     * the input's problem (a line naming the file), not an internal error.
     */
    private static Coverage.Result coverage(IASTTranslationUnit tu, SourceText source, String display, boolean fragment)
            throws InputException {
        try {
            return Coverage.analyse(tu, source, display, fragment);
        } catch (StackOverflowError e) {
            throw new InputException(display, 0,
                    "binding resolution ran out of stack (a declaration whose type refers to itself?); not analysed");
        }
    }

    private CdtDriver.Outcome cdt(Path abs, String display, char[] chars, ExtendedScannerInfo info, boolean prune,
                                    boolean reusePreamble) throws InputException {
        CdtDriver.Outcome o;
        long t0 = System.nanoTime();
        try {
            dev.mmlint.frontend.internal.Preludes pl = prune ? null : preludes();
            o = pl == null ? null
                    : CdtDriver.afterPrelude(abs.toString(), chars, info, cache, () -> new CachingContentProvider(cache), headerBodies, pl);
            if (o == null)
                o = CdtDriver.parse(abs.toString(), chars, info, () -> new CachingContentProvider(cache), headerBodies, prune,
                        reusePreamble ? preambles : null); // a full parse re-uses one only as the fallback of a pruned one
        } catch (StackOverflowError e) {
            throw new InputException(display, 0, "parser ran out of stack (nesting too deep); run with -Xss8m or more");
        } catch (BudgetExceededException e) {
            throw e;
        } catch (RuntimeException e) {
            // CDT's own assertion on input it cannot represent (e.g. an initializer on an ambiguous
            // parameter declarator): a problem line naming the file, not a Java exception
            String where = "";
            for (StackTraceElement at : e.getStackTrace()) {
                if (at.getClassName().startsWith("java.") || at.getClassName().equals("org.eclipse.core.runtime.Assert")) continue;
                where = " in " + at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1) + "." + at.getMethodName();
                break;
            }
            throw new InputException(display, 0, "the C parser cannot represent this input (internal " + e.getClass().getSimpleName()
                    + where + "); not analysed");
        } finally {
            PARSE_NANOS.add(System.nanoTime() - t0);
        }
        Budget.checkCurrent();
        if (o.tu() == null) throw new InputException(display, 0, "parser gave up (too many tokens)");
        if (o.pruning() != null) {
            PRUNED_UNITS.increment();
            HEADER_TOKENS.add(o.pruning().tokens() - o.pruning().mainTokens());
            HEADER_TOKENS_KEPT.add(o.pruning().keptHeaderTokens());
        }
        return o;
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

    /** The kernel context of one parsed file: the front end's, unless the file itself says more. */
    protected KernelContext contextFor(SourceText source, String display) throws InputException { return context(); }

    /** As {@link #contextFor(SourceText, String)} for the file at {@code abs}: its file system directory added where known. */
    protected KernelContext contextFor(Path abs, SourceText source, String display) throws InputException {
        KernelContext c = contextFor(source, display);
        KernelContext f = contextOf(abs);
        return f.filesystem() == null ? c : c.withFilesystem(f.filesystem());
    }
}
