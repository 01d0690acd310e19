package dev.mmlint.report;

import dev.mmlint.checks.Checks;
import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.UnitAnalyzer;
import dev.mmlint.frontend.Budget;
import dev.mmlint.frontend.BudgetExceededException;
import dev.mmlint.frontend.CdtFrontend;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.FragmentFrontend;
import dev.mmlint.frontend.Frontend;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.Frontends;
import dev.mmlint.frontend.InputException;
import dev.mmlint.frontend.KernelConfig;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.frontend.KernelTree;
import dev.mmlint.frontend.KernelTreeFrontend;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.SourceText;
import dev.mmlint.model.api.ReferenceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Analyses editor buffers the way {@code mmlint check} analyses files: a buffer inside a kernel tree
 * is parsed by that tree's front end (its version and Kconfig gate the rules), anything else as a
 * lone fragment. One front end per tree is kept for this object's lifetime, so its header caches make
 * re-checks of a buffer cheap, and it keeps the preambles of the last {@link #PREAMBLES} files, so a
 * re-check of an edited buffer does not preprocess the file's headers again, nor run again the dataflow of
 * the functions the edit did not touch ({@link UnitAnalyzer.Memo}). The nearest {@code .mmlint.json} (rules on/off, severities, excludes,
 * suppressions) applies as it does for the CLI; an IDE's own rule settings ({@link Overrides}) apply on
 * top of it. The IDE adapters (LSP server, Eclipse builder) share this class. Thread-safe.
 */
public final class BufferAnalysis implements AutoCloseable {
    /**
     * What one analysis of one buffer version gave. {@code error} is set when the buffer could not be
     * analysed (a budget that ran out: {@code not analysed: time budget exceeded after 60 s});
     * {@code warning} also names functions not analysed for their budget.
     */
    public record Analysis(int version, String text, SourceText source, String displayPath, String mode, List<Finding> findings,
                    String error, int errorLine, String warning, long millis) {}

    /**
     * Rule settings an IDE keeps itself, applied after the {@code .mmlint.json} ones: rules turned off
     * and severities by rule id.
     */
    public record Overrides(Set<String> disabled, Map<String, Severity> severities) {
        public static final Overrides NONE = new Overrides(Set.of(), Map.of());

        public Overrides {
            disabled = Set.copyOf(disabled);
            severities = Map.copyOf(severities);
        }
    }

    /** The char offset of a 1-based line and column of the analysed text {@code src} (clamped to the text). */
    public static int offset(SourceText src, int line, int column) {
        int l = Math.max(1, Math.min(line, src.lineCount()));
        return Math.max(0, Math.min(src.content().length(), src.lineStart(l) + Math.max(1, column) - 1));
    }

    /** Where {@code f} starts in the analysed text, as a char offset. */
    public static int startOffset(SourceText src, Finding f) { return offset(src, f.line(), f.column()); }

    /** Where {@code f} ends in the analysed text, as a char offset. */
    public static int endOffset(SourceText src, Finding f) { return offset(src, f.endLine(), f.endColumn()); }

    /** Thrown when a newer version of the buffer made this analysis pointless. */
    public static final class Stale extends Exception {
        private static final long serialVersionUID = 1L;

        public Stale() { super(null, null, false, false); }
    }

    /**
     * Files whose preamble (the text up to their first own token: the includes) each front end keeps,
     * so re-checking an edited file does not preprocess its headers again ({@code -Dmmlint.preambles}).
     */
    public static final int PREAMBLES = Integer.getInteger("mmlint.preambles", 4);

    private record Choice(Frontend frontend, String mode, String warning) {}

    private record SettingsKey(Path file, long modified) {}

    private record EngineKey(Settings settings, Overrides overrides) {}

    private final FrontendOptions options;
    private final ReferenceModel model;
    private final Map<Path, Frontend> trees = new LinkedHashMap<>();
    private final Map<Path, String> treeErrors = new HashMap<>();
    private final Map<SettingsKey, Object> settings = new HashMap<>();
    private final Map<EngineKey, Engine> engines = new HashMap<>();
    private Frontend compileCommands;
    private String compileCommandsError;
    private FragmentFrontend fragment;
    private final Engine defaultEngine;

    public BufferAnalysis(FrontendOptions options, ReferenceModel model) {
        this.options = options == null ? FrontendOptions.defaults() : options;
        this.model = model == null ? Mmlint.shippedModel() : model;
        this.defaultEngine = Mmlint.engine(Engine.Options.defaults(), this.model);
    }

    /** The front-end options this analysis was made with (kernel version, config, compile commands). */
    public FrontendOptions options() { return options; }

    /**
     * Analyses {@code text} as the file {@code file} (absolute; need not exist).
     * @param stale checked between the stages; when it says true the analysis stops with {@link Stale}
     */
    public Analysis analyse(Path file, int version, String text, BooleanSupplier stale) throws Stale {
        return analyse(file, version, text, stale, Overrides.NONE);
    }

    /** As {@link #analyse(Path, int, String, BooleanSupplier)}, with an IDE's rule settings on top of {@code .mmlint.json}. */
    public Analysis analyse(Path file, int version, String text, BooleanSupplier stale, Overrides overrides) throws Stale {
        long t0 = System.nanoTime();
        Path abs = file.toAbsolutePath().normalize();
        Choice c = frontendFor(abs);
        String display = c.frontend().displayPath(abs);
        SourceText source = new SourceText(text);
        Object s = settingsFor(abs);
        if (s instanceof String err)
            return new Analysis(version, text, source, display, c.mode(), List.of(), err, 0, c.warning(), ms(t0));
        Settings st = (Settings) s;
        if (st.excludes(abs))
            return new Analysis(version, text, source, display, c.mode() + ", excluded by " + st.file(), List.of(), null, 0,
                    c.warning(), ms(t0));
        if (stale.getAsBoolean()) throw new Stale();
        // budgets: the IDE's (options), then the settings', then the defaults; the buffer is one file
        Budget budget = Budget.start(display, options.budgets().orElse(st.budgets()));
        ParsedUnit unit;
        UnitAnalyzer.Result result;
        try (Budget.Scope scope = budget.open()) {
            try {
                unit = c.frontend().parseText(abs, display, text);
            } catch (InputException e) {
                return new Analysis(version, text, source, display, c.mode(), List.of(), e.diagnostic().message(),
                        e.diagnostic().line(), c.warning(), ms(t0));
            }
            if (stale.getAsBoolean()) throw new Stale();
            result = engineFor(st, overrides == null ? Overrides.NONE : overrides).analyze(unit, memo(abs, c.frontend()));
            budget.throwIfExceeded();
        } catch (BudgetExceededException e) {
            return new Analysis(version, text, source, display, c.mode(), List.of(), LintRun.NOT_ANALYSED + e.reason(), e.line(),
                    c.warning(), ms(t0));
        } catch (OutOfMemoryError e) {
            return new Analysis(version, text, source, display, c.mode(), List.of(),
                    LintRun.NOT_ANALYSED + "memory budget exceeded (the heap ran out)", 0, c.warning(), ms(t0));
        } catch (RuntimeException | StackOverflowError e) {
            return new Analysis(version, text, source, display, c.mode(), List.of(), "internal error while analysing: " + e, 0,
                    c.warning(), ms(t0));
        }
        List<Finding> findings = result.findings().stream().filter(f -> !st.suppressed(f)).sorted(Finding.ORDER).toList();
        String warning = c.warning();
        for (FunctionCoverage fc : result.functions()) {
            if (fc.status() != FunctionCoverage.Status.SKIPPED || fc.reasons().stream().noneMatch(r -> r.contains("budget exceeded"))) continue;
            String w = "function '" + fc.name() + "' (line " + fc.line() + ") " + fc.reasons().get(fc.reasons().size() - 1);
            warning = warning == null ? w : warning + "; " + w;
        }
        return new Analysis(version, text, unit.text(), display, c.mode() + " (kernel " + unit.context().version() + ", " + unit.context().versionSource() + ")",
                findings, null, 0, warning, ms(t0));
    }

    private record MemoKey(Path file, Frontend frontend) {}

    /** What the last analysis of each recently analysed buffer left for the next (the functions an edit did not touch). */
    private final Map<MemoKey, UnitAnalyzer.Memo> memos = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<MemoKey, UnitAnalyzer.Memo> e) { return size() > Math.max(1, PREAMBLES); }
    };

    private synchronized UnitAnalyzer.Memo memo(Path abs, Frontend fe) {
        return memos.computeIfAbsent(new MemoKey(abs, fe), k -> new UnitAnalyzer.Memo());
    }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }

    private synchronized Choice frontendFor(Path abs) {
        if (options.compileCommands() != null) {
            if (compileCommands == null && compileCommandsError == null) {
                Frontends.Plan plan = Frontends.forPaths(List.of(abs), options);
                if (plan.files().isEmpty()) {
                    compileCommandsError = plan.diagnostics().stream().map(Object::toString).collect(Collectors.joining("; "));
                    plan.close();
                } else compileCommands = reusing(plan.files().get(0).frontend());
            }
            if (compileCommands != null) return new Choice(compileCommands, "compile_commands.json " + options.compileCommands(), null);
            return new Choice(fragment(), "lone fragment", compileCommandsError);
        }
        Optional<KernelTree> tree = KernelTree.enclosing(abs);
        if (tree.isEmpty()) return new Choice(fragment(), "lone fragment", null);
        Path root = tree.get().root();
        Frontend fe = trees.get(root);
        if (fe == null && !treeErrors.containsKey(root)) {
            Frontends.Plan plan = Frontends.forPaths(List.of(abs), options);
            Frontend planned = plan.files().isEmpty() ? null : plan.files().get(0).frontend();
            if (planned instanceof KernelTreeFrontend) {
                fe = reusing(planned);
                trees.put(root, fe);
            } else {
                String why = plan.diagnostics().stream().map(d -> d.message()).collect(Collectors.joining("; "));
                treeErrors.put(root, why.isEmpty() ? "cannot set up kernel tree " + root : why);
                plan.close();
            }
        }
        if (fe != null) return new Choice(fe, "kernel tree " + root, null);
        return new Choice(fragment(), "lone fragment", treeErrors.get(root) + "; analysed as a lone fragment");
    }

    private static Frontend reusing(Frontend fe) {
        if (fe instanceof CdtFrontend c) c.setPreambleReuse(PREAMBLES);
        return fe;
    }

    private FragmentFrontend fragment() {
        if (fragment == null) {
            fragment = options.kernelVersion() == null ? new FragmentFrontend()
                    : new FragmentFrontend(new KernelContext(options.kernelVersion(), "--kernel-version " + options.kernelVersion(),
                            KernelConfig.empty("no Kconfig known (lone fragment)")));
        }
        return fragment;
    }

    /** The settings governing {@code abs} (re-read when the file changes), or an error message. */
    private synchronized Object settingsFor(Path abs) {
        Path f = Settings.find(abs);
        if (f == null) return Settings.none();
        long modified;
        try {
            modified = Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return Settings.none();
        }
        return settings.computeIfAbsent(new SettingsKey(f, modified), k -> {
            Set<String> ids = Checks.all().stream().map(c -> c.info().id()).collect(Collectors.toSet());
            try {
                return Settings.read(k.file(), ids);
            } catch (Settings.SettingsException e) {
                return e.getMessage();
            }
        });
    }

    private synchronized Engine engineFor(Settings s, Overrides o) {
        if (s.file() == null && o.equals(Overrides.NONE)) return defaultEngine;
        return engines.computeIfAbsent(new EngineKey(s, o), k -> {
            Set<String> on = Checks.all().stream().map(c -> c.info().id()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            on.removeAll(k.settings().disabled());
            on.removeAll(k.overrides().disabled());
            Map<String, Severity> sev = new HashMap<>(k.settings().severities());
            sev.putAll(k.overrides().severities());
            return Mmlint.engine(new Engine.Options(on, sev, false), model);
        });
    }

    @Override public synchronized void close() {
        memos.clear();
        trees.values().forEach(Frontend::close);
        trees.clear();
        if (compileCommands != null) compileCommands.close();
        if (fragment != null) fragment.close();
    }
}
