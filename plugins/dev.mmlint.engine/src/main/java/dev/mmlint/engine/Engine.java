package dev.mmlint.engine;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one engine behind the CLI, the Maven plugin, the IDE, the LSP server and patch review:
 * analyses parsed units with the enabled checks, under the reference model specialised to each
 * unit's kernel context. Thread-safe.
 */
public final class Engine {
    /**
     * @param enabled       rule ids to run (null: all)
     * @param severity      per-rule severity overrides
     * @param confirmedOnly drop findings the reference model did not confirm
     */
    public record Options(Set<String> enabled, Map<String, Severity> severity, boolean confirmedOnly) {
        public static Options defaults() { return new Options(null, Map.of(), false); }
    }

    private final Function<KernelContext, ApiKnowledge> knowledge;
    private final List<Check> checks;
    private final Options options;
    private final Function<KernelContext, WitnessReplayer> replayer;
    private final Map<KernelContext, UnitAnalyzer> analyzers = new ConcurrentHashMap<>();

    public Engine(Function<KernelContext, ApiKnowledge> knowledge, List<Check> allChecks, Options options,
                  Function<KernelContext, WitnessReplayer> replayer) {
        this.knowledge = knowledge;
        List<Check> cs = new ArrayList<>();
        for (Check c : allChecks) if (options.enabled() == null || options.enabled().contains(c.info().id())) cs.add(c);
        this.checks = List.copyOf(cs);
        this.options = options;
        this.replayer = replayer;
    }

    public List<RuleInfo> rules() { return checks.stream().map(Check::info).toList(); }

    public ApiKnowledge knowledge(KernelContext ctx) { return knowledge.apply(ctx); }

    private final Map<KernelContext, ApiKnowledge> knowledgeByContext = new ConcurrentHashMap<>();

    /**
     * What the engine derives for a file from its context beyond the version and the Kconfig, in words (empty:
     * nothing): the file system whose own mappings never hold large folios. A result cache keys on it, so that
     * a tree whose file system gains a call that lets its mappings hold large folios is analysed again.
     */
    public String derivedFacts(KernelContext ctx) {
        if (ctx.filesystem() == null) return "";
        return knowledgeByContext.computeIfAbsent(ctx, knowledge).smallFolioFilesystem()
                .map(f -> "small-folio file system " + f.filesystem() + " (" + ctx.filesystem() + ")").orElse("");
    }

    /**
     * Findings and function coverage of one unit. A unit parsed under several preprocessor assumptions
     * (its {@link ParsedUnit#variants()}) is analysed under each, and the findings merged (see
     * {@link ConfigVariants}).
     */
    public UnitAnalyzer.Result analyze(ParsedUnit unit) {
        return analyze(unit, null);
    }

    /**
     * As {@link #analyze(ParsedUnit)}, for a buffer analysed again after an edit: {@code memo} (one per buffer,
     * null for none) keeps what this analysis leaves to the next one, which runs again only the functions
     * the edit may have changed ({@link UnitAnalyzer.Memo}). The findings are those of {@link #analyze(ParsedUnit)}.
     */
    public UnitAnalyzer.Result analyze(ParsedUnit unit, UnitAnalyzer.Memo memo) {
        UnitAnalyzer.Result r = analyzeOne(unit, memo);
        if (!unit.variants().isEmpty()) {
            List<UnitAnalyzer.Result> vs = new ArrayList<>();
            for (ParsedUnit.Variant v : unit.variants()) vs.add(analyzeOne(v.unit(), memo == null ? null : memo.variant(v.enabled())));
            r = ConfigVariants.merge(unit, r, vs);
        }
        if (!options.confirmedOnly()) return r;
        List<Finding> kept = r.findings().stream().filter(Finding::confirmed).toList();
        return new UnitAnalyzer.Result(kept, r.functions());
    }

    private UnitAnalyzer.Result analyzeOne(ParsedUnit unit, UnitAnalyzer.Memo memo) {
        UnitAnalyzer a = analyzers.computeIfAbsent(unit.context(),
                ctx -> new UnitAnalyzer(knowledgeByContext.computeIfAbsent(ctx, knowledge), checks, options.severity(), replayer.apply(ctx)));
        return a.analyze(unit, memo);
    }
}
