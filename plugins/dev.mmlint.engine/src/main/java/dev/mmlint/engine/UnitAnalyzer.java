package dev.mmlint.engine;

import dev.mmlint.cfg.Cfg;
import dev.mmlint.cfg.CfgBuilder;
import dev.mmlint.cfg.CfgOptions;
import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Report;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.flow.Bound;
import dev.mmlint.engine.flow.CallerContext;
import dev.mmlint.engine.flow.FunctionAnalyzer;
import dev.mmlint.engine.flow.FunctionSummary;
import dev.mmlint.engine.flow.PageValue;
import dev.mmlint.engine.flow.Transfer;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.engine.knowledge.AppliedClause;
import dev.mmlint.frontend.Budget;
import dev.mmlint.frontend.Counter;
import dev.mmlint.frontend.BudgetExceededException;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * Analyses one parsed translation unit: learns summaries of its own functions (bottom-up, to a
 * fixpoint of a few rounds), then what their callers pass them (top-down: each static function whose
 * address is not taken is analysed under the join of its call sites' contexts, again for a few
 * rounds), then hands every function's events, from a run under the final summaries and contexts, to
 * the checks, and turns what they report into findings. A function is run again only when a summary
 * it looked up or its caller context has changed.
 */
public final class UnitAnalyzer {
    private static final int SUMMARY_ROUNDS = 3;
    /** Rounds of caller contexts: a context reaches a helper's helper in the second. */
    private static final int CONTEXT_ROUNDS = 3;

    private final ApiKnowledge kb;
    private final List<Check> checks;
    private final Map<String, Severity> severityOverride;
    private final WitnessReplayer replayer;
    private final CfgOptions cfgOptions;

    public UnitAnalyzer(ApiKnowledge kb, List<Check> checks, Map<String, Severity> severityOverride, WitnessReplayer replayer) {
        this.kb = kb;
        this.checks = List.copyOf(checks);
        this.severityOverride = Map.copyOf(severityOverride);
        this.replayer = replayer;
        this.cfgOptions = CfgOptions.defaults();
    }

    /** Findings of one unit plus how each function fared. */
    public record Result(List<Finding> findings, List<FunctionCoverage> functions) {}

    public Result analyze(ParsedUnit unit) {
        return analyze(unit, null);
    }

    /**
     * As {@link #analyze(ParsedUnit)}, re-using what the analysis of an earlier version of the same buffer left
     * in {@code memo} (null: none) and leaving this one's there: a function the edit did not touch is not run
     * again where its run is still valid (see {@link Memo}). The findings are those of an analysis from scratch.
     */
    public Result analyze(ParsedUnit unit, Memo memo) {
        if (memo == null) return analyzeWith(unit, null);
        synchronized (memo) {
            return analyzeWith(unit, memo);
        }
    }

    private Result analyzeWith(ParsedUnit unit, Memo memo) {
        WrittenView view = WrittenView.build(unit.ast(), unit.text(), kb.names());
        Map<String, IASTFunctionDefinition> fns = new LinkedHashMap<>();
        Map<String, Cfg> cfgs = new HashMap<>();
        Map<String, Transfer.FunctionFacts> facts = new HashMap<>();
        Map<String, String> failed = new TreeMap<>();
        for (IASTFunctionDefinition f : unit.functions()) {
            String name = f.getDeclarator().getName().toString();
            try {
                cfgs.put(name, CfgBuilder.build(f, cfgOptions));
                facts.put(name, FunctionAnalyzer.facts(f));
                fns.put(name, f);
            } catch (RuntimeException | StackOverflowError ex) {
                failed.put(name, "control-flow graph: " + ex);
            }
        }
        // summaries of this unit's own functions. A function's run is kept with the summaries it
        // looked up; it is run again only when one of those has changed since, and the reporting
        // pass replays the events of a kept run instead of running the function once more. Same
        // rounds and same results as running every function in every round.
        List<IASTDeclaration> own = ownDeclarations(unit);
        Set<String> closed = closedFunctions(unit, own, fns.keySet());
        Map<String, Bound> fileExtents = dev.mmlint.engine.flow.FileRanges.scan(kb, view, unit.text(), fns, facts);
        Map<String, FunctionSummary> summaries = new HashMap<>();
        Map<String, Run> runs = new HashMap<>();
        Memo.Reuse reuse = memo == null ? null : memo.reuse(this, unit, own, fns, closed, fileExtents);
        Runner runner = (name, sums, ctx) -> obtain(reuse, unit, view, name, cfgs.get(name), facts.get(name), sums, ctx, closed, failed, fileExtents);
        for (int round = 0; round < SUMMARY_ROUNDS; round++) {
            Map<String, FunctionSummary> next = new HashMap<>();
            for (Map.Entry<String, IASTFunctionDefinition> e : fns.entrySet()) {
                String name = e.getKey();
                if (failed.containsKey(name)) continue;
                Run r = runs.get(name);
                if (r == null || !r.validUnder(summaries, CallerContext.NONE)) {
                    r = runner.run(name, summaries, CallerContext.NONE);
                    if (r == null) continue;
                    runs.put(name, r);
                }
                next.put(name, r.summary());
            }
            boolean stable = next.equals(summaries);
            summaries = next;
            if (stable) break;
        }
        // caller contexts, top-down, under the final summaries
        Map<String, List<Pass>> contracts = contracts(unit, fns);
        Map<String, CallerContext> contexts = new HashMap<>();
        for (int round = 0; round < CONTEXT_ROUNDS; round++) {
            Map<String, CallerContext> next = contexts(runs, closed, contracts);
            if (next.equals(contexts)) break;
            contexts = next;
            for (Map.Entry<String, IASTFunctionDefinition> e : fns.entrySet()) {
                String name = e.getKey();
                if (failed.containsKey(name)) continue;
                CallerContext ctx = contexts.getOrDefault(name, CallerContext.NONE);
                Run r = runs.get(name);
                if (r != null && r.validUnder(summaries, ctx)) continue;
                r = runner.run(name, summaries, ctx);
                if (r != null) runs.put(name, r);
            }
        }
        // the reporting pass
        List<Finding> findings = new ArrayList<>();
        List<FunctionCoverage> cov = new ArrayList<>();
        Map<String, FunctionCoverage> frontCov = new HashMap<>();
        for (FunctionCoverage c : unit.coverage()) frontCov.put(c.name() + ":" + c.line(), c);
        for (Map.Entry<String, IASTFunctionDefinition> e : fns.entrySet()) {
            String name = e.getKey();
            if (failed.containsKey(name)) continue;
            Run r = runs.get(name);
            CallerContext ctx = contexts.getOrDefault(name, CallerContext.NONE);
            if (r == null || !r.validUnder(summaries, ctx)) {
                r = runner.run(name, summaries, ctx);
                if (r == null) continue;
            }
            EventReporter rep = new EventReporter(unit, name, findings);
            for (Event ev : r.events()) rep.event(ev);
            if (!r.outcome().converged()) failed.put(name, "dataflow did not settle after " + r.outcome().sweeps() + " sweeps");
        }
        for (IASTFunctionDefinition f : unit.functions()) {
            String name = f.getDeclarator().getName().toString();
            int line = unit.text().line(f.getFileLocation().getNodeOffset());
            FunctionCoverage fc = frontCov.get(name + ":" + line);
            if (failed.containsKey(name)) cov.add(new FunctionCoverage(name, line, FunctionCoverage.Status.SKIPPED, List.of(failed.get(name))));
            else if (fc != null) cov.add(fc);
            else cov.add(new FunctionCoverage(name, line, FunctionCoverage.Status.CLEAN, List.of()));
        }
        findings.sort(Finding.ORDER);
        if (memo != null) memo.keep(this, unit, closed, fileExtents, reuse);
        return new Result(dedupe(findings), cov);
    }

    private interface Runner {
        Run run(String name, Map<String, FunctionSummary> summaries, CallerContext ctx);
    }

    /**
     * {@code name}'s run under {@code summaries} and {@code ctx}: the earlier analysis's, carried over to this
     * text, where the memo has a valid one; else a new run. Either way the memo keeps it for the next analysis.
     */
    private Run obtain(Memo.Reuse reuse, ParsedUnit unit, WrittenView view, String name, Cfg cfg, Transfer.FunctionFacts facts,
                       Map<String, FunctionSummary> summaries, CallerContext ctx, Set<String> closed, Map<String, String> failed,
                       Map<String, Bound> fileExtents) {
        Run kept = reuse == null ? null : reuse.find(name, summaries, ctx);
        if (kept != null && Memo.CHECK) {
            Run fresh = run(unit, view, name, cfg, facts, summaries, ctx, closed, failed, fileExtents);
            if (!kept.equals(fresh))
                throw new IllegalStateException("mmlint.checkRunReuse: the run of " + name + "() carried over from the earlier text of "
                        + unit.displayPath() + " differs from a new run: " + Memo.difference(kept, fresh));
        }
        Run r = kept != null ? kept : run(unit, view, name, cfg, facts, summaries, ctx, closed, failed, fileExtents);
        if (reuse != null && r != null) reuse.made(name, r);
        return r;
    }

    /**
     * One dataflow run of a function: what it reported (events, in order), the summary it gives,
     * and the summaries of other functions it looked up (null for none), which it depends on.
     */
    private record Run(FunctionSummary summary, List<Event> events, Map<String, FunctionSummary> lookedUp,
                       FunctionAnalyzer.Outcome outcome, CallerContext context, List<Pass> passes, Map<String, Boolean> walkers,
                       Map<String, Set<Integer>> tables, Map<String, Set<Integer>> owned, Map<String, List<Map<Integer, String>>> texts) {
        boolean validUnder(Map<String, FunctionSummary> summaries, CallerContext ctx) {
            if (!context.equals(ctx)) return false;
            for (Map.Entry<String, FunctionSummary> e : lookedUp.entrySet())
                if (!java.util.Objects.equals(summaries.get(e.getKey()), e.getValue())) return false;
            return true;
        }
    }

    /** One call site's argument: what it passes as parameter {@code param} of {@code callee} (an order above MAX_ORDER: {@code order}). */
    private record Pass(String callee, int param, Bound count, Bound extent, PageValue tail, Bound order, PageValue live) {
        Pass(String callee, int param, Bound count, Bound extent, PageValue tail, Bound order) { this(callee, param, count, extent, tail, order, null); }
    }

    /**
     * The callers' contexts of the unit's functions, from the runs' call sites. A {@code closed} function
     * (all its callers are in the unit) gets everything its callers pass. A function other units may call
     * too gets only what one caller is enough to establish: a count or extent that may exceed a buddy
     * block, an order above MAX_ORDER (the caller in view reaches it with that value, whatever the unseen
     * ones pass); never a bound (an unseen caller may pass more), a tail (its call site reports it) or
     * the walkers waited for (every caller must have).
     */
    private static Map<String, CallerContext> contexts(Map<String, Run> runs, Set<String> closed, Map<String, List<Pass>> contracts) {
        Map<String, CallerContext.Builder> b = new HashMap<>();
        // the model's own word on a function is one more call site, whatever the unit's callers pass
        contracts.forEach((fn, ps) -> ps.forEach(p -> b.computeIfAbsent(fn, k -> new CallerContext.Builder()).site(p.param(), p.count(), p.extent(), p.tail(), p.order())));
        for (Run r : runs.values())
            for (Pass p : r.passes())
                if (closed.contains(p.callee())) b.computeIfAbsent(p.callee(), k -> new CallerContext.Builder()).site(p.param(), p.count(), p.extent(), p.tail(), p.order(), p.live());
                else if (runs.containsKey(p.callee()) && (unbounded(p.count()) || unbounded(p.extent()) || unbounded(p.order())))
                    b.computeIfAbsent(p.callee(), k -> new CallerContext.Builder()).site(p.param(),
                            unbounded(p.count()) ? p.count() : null, unbounded(p.extent()) ? p.extent() : null, null,
                            unbounded(p.order()) ? p.order() : null);
        // the caller waits for speculative walkers, the callee rewrites the memmap: every call site must have waited
        for (Run r : runs.values())
            r.walkers().forEach((callee, w) -> { if (closed.contains(callee)) b.computeIfAbsent(callee, k -> new CallerContext.Builder()).walkers(w); });
        // the page-table entries every call site passes as walked tables
        for (Run r : runs.values())
            r.tables().forEach((callee, t) -> { if (closed.contains(callee)) b.computeIfAbsent(callee, k -> new CallerContext.Builder()).tables(t); });
        // the argument texts written with a size the model knows by name, per call site of a function of the unit
        for (Run r : runs.values())
            r.texts().forEach((callee, sites) -> {
                if (runs.containsKey(callee)) for (Map<Integer, String> t : sites) b.computeIfAbsent(callee, k -> new CallerContext.Builder()).texts(t);
            });
        // the pages every call site passes as one its caller owns
        for (Run r : runs.values())
            r.owned().forEach((callee, o) -> { if (closed.contains(callee)) b.computeIfAbsent(callee, k -> new CallerContext.Builder()).owned(o); });
        Map<String, CallerContext> out = new HashMap<>();
        b.forEach((k, v) -> { CallerContext c = v.build(); if (!c.isEmpty()) out.put(k, c); });
        return out;
    }

    private static boolean unbounded(Bound b) { return b != null && !b.bounded(); }

    /**
     * What the model says a function of the unit is given: the count parameter of a function returning
     * a range that may exceed a buddy block (return: unbounded_range count n) ranges that far in its body, and
     * so does the count of a function handed the first page of such a range (p: unbounded_range count n);
     * an order parameter callers may pass above MAX_ORDER (gigantic_order) makes 1 << order such a count.
     */
    private Map<String, List<Pass>> contracts(ParsedUnit unit, Map<String, IASTFunctionDefinition> fns) {
        Map<String, List<Pass>> out = new HashMap<>();
        fns.forEach((name, f) -> {
            int line = unit.text().line(f.getFileLocation().getNodeOffset());
            List<Pass> ps = new ArrayList<>();
            kb.unboundedRange(name).filter(r -> r.countIndex() >= 0).ifPresent(r -> ps.add(new Pass(name, r.countIndex(),
                    new Bound(false, "the count of the range " + name + "() returns", r.clause(), line), null, null, null)));
            kb.handedRange(name).filter(r -> r.clause() != null && r.clause().applies()).ifPresent(r -> ps.add(new Pass(name, r.countIndex(),
                    new Bound(false, "the count of the range " + name + "() is handed", r.clause(), line), null, null, null)));
            kb.call(name).ifPresent(ef -> ef.giganticOrders().forEach(a -> {
                if (a.clause() == null || !a.clause().applies()) return;
                ps.add(new Pass(name, a.index(), null, null, null,
                        new Bound(false, "an order " + name + "() may be given above MAX_ORDER", a.clause(), line)));
            }));
            if (!ps.isEmpty()) out.put(name, List.copyOf(ps));
        });
        return out;
    }

    /**
     * The functions of the unit whose every caller is in it: static, and named only as the callee of a
     * direct call (a function whose address is taken has callers nobody sees).
     */
    private static Set<String> closedFunctions(ParsedUnit unit, List<IASTDeclaration> own, Set<String> names) {
        Set<String> out = new HashSet<>();
        for (IASTFunctionDefinition f : unit.functions())
            if (f.getDeclSpecifier().getStorageClass() == IASTDeclSpecifier.sc_static) out.add(f.getDeclarator().getName().toString());
        out.retainAll(names);
        Set<String> escaped = new HashSet<>();
        ASTVisitor uses = new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTIdExpression id && out.contains(id.getName().toString())
                        && !(e.getParent() instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() == e))
                    escaped.add(id.getName().toString());
                return PROCESS_CONTINUE;
            }
        };
        // the unit's own declarations (function bodies, initialisers of operation tables), not its headers'
        for (IASTDeclaration d : own) d.accept(uses);
        out.removeAll(escaped);
        return out;
    }

    /** The declarations of the unit's own text (its function definitions among them), not its headers'. */
    private static List<IASTDeclaration> ownDeclarations(ParsedUnit unit) {
        List<IASTDeclaration> out = new ArrayList<>();
        String path = unit.ast().getFilePath();
        for (IASTDeclaration d : unit.ast().getDeclarations())
            if (d.getFileLocation() != null && path.equals(d.getFileLocation().getFileName())) out.add(d);
        return out;
    }

    /** Runs {@code name}'s dataflow under {@code summaries} and caller context {@code ctx}; null (and {@code failed} says why) when it fails. */
    private Run run(ParsedUnit unit, WrittenView view, String name, Cfg cfg, Transfer.FunctionFacts facts,
                    Map<String, FunctionSummary> summaries, CallerContext ctx, Set<String> closed, Map<String, String> failed,
                    Map<String, Bound> fileExtents) {
        SummarySink s = new SummarySink(name);
        Map<String, FunctionSummary> lookedUp = new HashMap<>();
        Transfer t = new Transfer(kb, view, unit.text(), callee -> {
            FunctionSummary v = summaries.get(callee);
            lookedUp.put(callee, v);
            return v;
        }, facts);
        t.callerContext(ctx);
        t.fileExtents(fileExtents);
        t.closedFunctions(closed);
        t.function(cfg.function());
        t.defines(name, cfg.function());
        t.contract(name);
        Budget budget = Budget.current();
        if (budget != null) budget.startFunction(name, unit.text().line(cfg.function().getFileLocation().getNodeOffset()));
        try {
            FunctionAnalyzer.Outcome o = FunctionAnalyzer.run(cfg, t, s);
            return new Run(s.summary(), List.copyOf(s.events), lookedUp, o, ctx, List.copyOf(s.passes), Map.copyOf(s.walkers), Map.copyOf(s.tables), Map.copyOf(s.owned),
                    s.texts());
        } catch (BudgetExceededException ex) {
            if (ex.function() == null) throw ex; // the file's budget: the file is not analysed
            failed.putIfAbsent(name, "not analysed: " + ex.reason());
            return null;
        } catch (RuntimeException | StackOverflowError ex) {
            failed.putIfAbsent(name, "dataflow: " + ex);
            return null;
        } finally {
            if (budget != null) budget.endFunction();
        }
    }

    private static List<Finding> dedupe(List<Finding> fs) {
        List<Finding> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : fs) {
            String k = f.ruleId() + "|" + f.line() + "|" + f.column() + "|" + f.message();
            if (seen.putIfAbsent(k, 1) == null) out.add(f);
        }
        return out;
    }

    /** Collects the summary facts of one function and the events it reports. */
    private static final class SummarySink implements Transfer.Sink {
        private final String name;
        private final List<Event> events = new ArrayList<>();
        private final Set<Pass> passes = new java.util.LinkedHashSet<>();
        /** callee -> whether every call to it here is made where some path waited for speculative pfn walkers */
        private final Map<String, Boolean> walkers = new TreeMap<>();
        private final Map<Integer, FunctionSummary.Requirement> req = new TreeMap<>();
        private PageValue returned;

        SummarySink(String name) { this.name = name; }

        @Override public void event(Event e) { events.add(e); }

        @Override public void requiresHead(int param, FunctionSummary.Requirement r) {
            FunctionSummary.Requirement old = req.get(param);
            if (old == null) { req.put(param, r); return; }
            // one use with the conditions both paths share: a use on any path without a condition makes it unconditional
            FunctionSummary.Requirement keep = (r.contract() && !old.contract()) || (r.contract() == old.contract() && r.line() < old.line()) ? r : old;
            req.put(param, keep.weakened(keep == r ? old.when() : r.when()));
        }

        @Override public void passes(String callee, int param, Bound count, Bound extent, PageValue tail, Bound order, PageValue live) {
            passes.add(new Pass(callee, param, count, extent, tail, order, live));
        }
        /** callee -> the argument texts of each call to it here that passes any ({@link CallerContext#texts()}) */
        private final Map<String, Set<Map<Integer, String>>> texts = new TreeMap<>();
        @Override public void passesTexts(String callee, Map<Integer, String> t) {
            texts.computeIfAbsent(callee, k -> new java.util.LinkedHashSet<>()).add(Map.copyOf(t));
        }
        Map<String, List<Map<Integer, String>>> texts() {
            Map<String, List<Map<Integer, String>>> out = new TreeMap<>();
            texts.forEach((k, v) -> out.put(k, List.copyOf(v)));
            return java.util.Collections.unmodifiableMap(out);
        }
        @Override public void callsAfterWalkers(String callee, boolean waited) { walkers.merge(callee, waited, Boolean::logicalAnd); }
        /** callee -> the parameters every call to it here passes a walked table entry as */
        private final Map<String, Set<Integer>> tables = new TreeMap<>();
        @Override public void callsWithTables(String callee, Set<Integer> params) {
            tables.merge(callee, Set.copyOf(params), (a, b) -> { Set<Integer> r = new java.util.TreeSet<>(a); r.retainAll(b); return Set.copyOf(r); });
        }
        /** callee -> the parameters every call to it here passes a page this function owns as */
        private final Map<String, Set<Integer>> owned = new TreeMap<>();
        @Override public void callsWithOwned(String callee, Set<Integer> params) {
            owned.merge(callee, Set.copyOf(params), (a, b) -> { Set<Integer> r = new java.util.TreeSet<>(a); r.retainAll(b); return Set.copyOf(r); });
        }
        private final Map<Integer, Bound> stored = new TreeMap<>();
        private final Set<Integer> storedUnknown = new java.util.HashSet<>();

        @Override public void storesThrough(int param, Bound extent) {
            if (extent == null || storedUnknown.contains(param)) {
                storedUnknown.add(param);
                stored.remove(param);
                return;
            }
            stored.merge(param, extent, (a, b) -> !a.bounded() ? a : b);
        }

        private Bound returnedExtent;
        private boolean returnedExtentUnknown;

        @Override public void returnsExtent(Bound extent) {
            if (returnedExtentUnknown) return;
            if (extent == null) { returnedExtentUnknown = true; returnedExtent = null; return; }
            returnedExtent = returnedExtent == null || returnedExtent.bounded() && !extent.bounded() ? extent : returnedExtent;
        }

        @Override public void returns(PageValue v) {
            returned = returned == null ? v : returned.join(v);
        }

        FunctionSummary summary() {
            PageValue r = returned != null && returned.shape().mayBeTail()
                    ? PageValue.of(returned.shape(), returned.origin(), returned.originClause()) : null;
            return new FunctionSummary(name, r, req, Map.copyOf(stored), returnedExtentUnknown ? null : returnedExtent);
        }
    }

    /** Dispatches events to the checks and builds their findings. */
    private final class EventReporter implements Reporter {
        private final ParsedUnit unit;
        private final String function;
        private final List<Finding> out;
        private final SourceText text;

        EventReporter(ParsedUnit unit, String function, List<Finding> out) {
            this.unit = unit;
            this.function = function;
            this.out = out;
            this.text = unit.text();
        }

        void event(Event e) {
            for (Check c : checks) c.on(e, this);
        }

        @Override public void report(Report d) {
            Check check = d.check();
            Event at = d.at();
            String message = d.message();
            AppliedClause clause = d.clause();
            Confidence confidence = d.confidence();
            List<Evidence> evidence = d.evidence();
            String fixHint = d.fixHint();
            List<Fix> fixes = d.fixes();
            List<WitnessStep> witness = d.witness();
            var info = check.info();
            // a finding cites a clause of its own rule, one that applies to this tree
            if (clause == null || !clause.applies()) return;
            if (!info.id().equals(clause.ruleId()) && !clause.ruleId().equals(check.refines())) return;
            int off = Math.min(Math.max(0, at.offset()), Math.max(0, text.content().length() - 1));
            int end = Math.min(text.content().length(), off + Math.max(1, at.length()));
            WitnessReplayer.Verdict v = replayer.replay(info.id(), clause, witness);
            Confidence conf = confidence;
            if (clause.conditional()) conf = conf.lower();
            if (!v.confirmed()) conf = conf.lower();
            List<String> w = new ArrayList<>();
            for (WitnessStep s : witness) w.add(s.toString());
            Severity sev = severityOverride.getOrDefault(info.id(), info.severity());
            out.add(new Finding(info.id(), sev, conf, unit.displayPath(), function, text.line(off), text.column(off),
                    text.line(end - 1), text.column(end - 1) + 1, message, List.copyOf(evidence), fixHint, List.copyOf(fixes),
                    clause.id(), clause.applicability(), List.copyOf(w), v.confirmed(), v.explanation(),
                    Fingerprints.of(info.id(), unit.displayPath(), function, text, off, message)));
        }

        @Override public int line(int offset) { return text.line(offset); }

        @Override public int column(int offset) { return text.column(offset); }

        @Override public String text(int offset, int length) {
            int a = Math.max(0, offset), b = Math.min(text.content().length(), offset + length);
            return a < b ? text.content().substring(a, b) : "";
        }
    }

    /**
     * What the analysis of one buffer leaves for the analysis of its next version: the language server and
     * the IDE analyse a file again at every edit, and an edit inside one function's body leaves every other
     * function's run valid where nothing it depends on changed. Kept per buffer (and per configuration variant);
     * one analysis at a time. A memo belongs to one buffer analysed by one front end, whose headers stay as
     * it first read them.
     *
     * <p>The two texts are compared line by line ({@link Relocation}); each run of changed lines is an edit. A run
     * of function {@code g} is carried over when
     * <ul>
     * <li>no edit holds a preprocessor directive or a line continuation (macros and conditionals are as they
     *     were) or touches a declaration CDT could not parse;</li>
     * <li>{@code g}'s definition holds no edit and lies where its old one maps to;</li>
     * <li>{@code g} names no edited function and no edited function (before or after the edit) names {@code g}:
     *     the engine reads a unit callee's body and a static function's call sites directly;</li>
     * <li>{@code g} uses no name that a declaration outside the functions touched by an edit declares (before or
     *     after it), nor one declared in terms of such a name ({@code typedef struct s s_t;} after {@code struct
     *     s} changed), and no such declaration names {@code g};</li>
     * <li>the functions of both texts are closed (every caller in the unit) or not alike, and the file-scope
     *     ranges are the same; and</li>
     * <li>the summaries the run looked up and its caller context are equal to the present ones, as for any
     *     run kept from one round to the next.</li>
     * </ul>
     * The kept run is moved to the new text: its offsets and lines after an edit shift by the edit's length; a
     * run that names a changed line is run again. With {@code -Dmmlint.checkRunReuse=true} every carried-over run
     * is also run afresh and must be equal, or the analysis fails. Used by the language server, the IDE and review
     * (a patch's post-image after its pre-image).
     */
    public static final class Memo {
        static final boolean CHECK = Boolean.getBoolean("mmlint.checkRunReuse");
        /** Off ({@code -Dmmlint.runReuse=false}): every analysis runs every function, as without a memo (for side-by-side measurement). */
        static final boolean ENABLED = !"false".equals(System.getProperty("mmlint.runReuse"));
        /** Runs carried over from an earlier version of a buffer instead of run again. */
        public static final Counter REUSED = new Counter();
        /** Runs made anew in an analysis that had an earlier version to draw on. */
        public static final Counter RUN = new Counter();
        private static final int RUNS_PER_FUNCTION = 8;

        private record Fn(int start, int end, Set<String> names) {}

        /**
         * A declaration of the main file outside its function definitions: where it lies, the names it declares
         * (variables, functions, types, tags, members, enumerators) and every name it holds.
         */
        private record Decl(int start, int end, Set<String> declared, Set<String> names, boolean problem) {}

        private UnitAnalyzer owner;
        private SourceText text;
        private Map<String, Fn> fns = Map.of();
        private Set<String> closed = Set.of();
        private Map<String, Bound> fileExtents = Map.of();
        private Map<String, List<Run>> runs = Map.of();
        private List<Decl> decls = List.of();
        private final Map<List<String>, Memo> variants = new HashMap<>();

        /** The memo of the unit's configuration variant with these symbols enabled ({@link ParsedUnit.Variant#enabled()}). */
        public synchronized Memo variant(List<String> enabled) {
            return variants.computeIfAbsent(List.copyOf(enabled), k -> new Memo());
        }

        /** What this analysis may take from the last one, and collects what it leaves. */
        final class Reuse {
            private final Relocation move;
            private final Set<String> reusable;
            private final Map<String, Fn> now;
            private final List<Decl> declsNow;
            private final Map<String, List<Run>> made = new HashMap<>();
            private final Map<Run, Object> moved = new java.util.IdentityHashMap<>();
            private static final Object UNMAPPABLE = new Object();
            /** Whether there was an earlier analysis to draw on (for the count of runs made anew). */
            private final boolean earlier;

            Reuse(boolean earlier, Relocation move, Set<String> reusable, Map<String, Fn> now, List<Decl> declsNow) {
                this.earlier = earlier;
                this.declsNow = declsNow;
                this.move = move;
                this.reusable = reusable;
                this.now = now;
            }

            Run find(String name, Map<String, FunctionSummary> summaries, CallerContext ctx) {
                List<Run> old = reusable.contains(name) ? runs.get(name) : null;
                if (old != null)
                    for (int i = old.size() - 1; i >= 0; i--) {
                        Object m = moved.computeIfAbsent(old.get(i), r -> {
                            try {
                                return move.map(r);
                            } catch (Relocation.Unmappable e) {
                                return UNMAPPABLE;
                            }
                        });
                        if (m instanceof Run r && r.validUnder(summaries, ctx)) {
                            REUSED.increment();
                            return r;
                        }
                    }
                if (earlier) RUN.increment();
                return null;
            }

            void made(String name, Run r) {
                List<Run> l = made.computeIfAbsent(name, k -> new ArrayList<>());
                if (l.contains(r)) l.remove(r);
                l.add(r);
                if (l.size() > RUNS_PER_FUNCTION) l.remove(0);
            }
        }

        Reuse reuse(UnitAnalyzer by, ParsedUnit unit, List<IASTDeclaration> own, Map<String, IASTFunctionDefinition> defs, Set<String> closedNow,
                    Map<String, Bound> extentsNow) {
            Map<String, Fn> now = new HashMap<>();
            for (Map.Entry<String, IASTFunctionDefinition> e : defs.entrySet()) {
                var loc = e.getValue().getFileLocation();
                now.put(e.getKey(), new Fn(loc.getNodeOffset(), loc.getNodeOffset() + loc.getNodeLength(), null));
            }
            List<Decl> declsNow = declarations(own);
            Relocation move = ENABLED && owner == by && text != null ? Relocation.between(text, unit.text()) : null;
            Set<String> reusable = new HashSet<>();
            // what the edits outside every function changed: the names those declarations declare, and every name they hold
            Set<String> declared = new HashSet<>(), named = new HashSet<>();
            if (move != null && !reusableFrom(move, unit, now, declsNow, reusable, declared, named, closedNow, extentsNow)) reusable.clear();
            // names each function's definition uses: an unedited one's are its old ones
            for (Map.Entry<String, Fn> e : now.entrySet()) {
                Fn f = e.getValue();
                Fn o = reusable.contains(e.getKey()) ? fns.get(e.getKey()) : null;
                Set<String> names = new HashSet<>();
                if (o == null) names(defs.get(e.getKey()), names, null);
                e.setValue(new Fn(f.start(), f.end(), o != null ? o.names() : names));
            }
            // drop the functions that name an edited one or that an edited one names
            if (!reusable.isEmpty()) {
                Set<String> edited = new HashSet<>(now.keySet());
                edited.removeAll(reusable);
                Set<String> touched = new HashSet<>();
                for (String h : edited) {
                    touched.addAll(now.get(h).names());
                    Fn o = fns.get(h);
                    if (o != null) touched.addAll(o.names());
                }
                for (String h : fns.keySet()) if (!now.containsKey(h)) touched.addAll(fns.get(h).names());
                touched.addAll(named);
                Set<String> gone = new HashSet<>(edited);
                for (String h : fns.keySet()) if (!now.containsKey(h)) gone.add(h);
                // and those that use a name a changed declaration declares, or one declared in terms of it
                // (typedef struct s s_t; after struct s changed)
                for (boolean grew = !declared.isEmpty(); grew; ) {
                    grew = false;
                    for (Decl d : declsNow)
                        if (!declared.containsAll(d.declared()) && !java.util.Collections.disjoint(d.names(), declared)) grew |= declared.addAll(d.declared());
                }
                gone.addAll(declared);
                reusable.removeIf(g -> touched.contains(g) || gone.contains(g) || !java.util.Collections.disjoint(now.get(g).names(), gone));
            }
            return new Reuse(move != null, reusable.isEmpty() ? null : move, reusable, now, declsNow);
        }

        /**
         * Fills {@code reusable} with the functions whose definitions the edits left alone, and {@code declared} and
         * {@code named} with what the edits outside every function definition changed (the names the declarations
         * they touch declare, and every name those hold, before and after); false when an edit holds a directive
         * or a line continuation, touches a declaration CDT could not parse, or changed what every function sees.
         */
        private boolean reusableFrom(Relocation move, ParsedUnit unit, Map<String, Fn> now, List<Decl> declsNow, Set<String> reusable,
                                     Set<String> declared, Set<String> named, Set<String> closedNow, Map<String, Bound> extentsNow) {
            SourceText was = text, is = unit.text();
            for (int i = 0; i < move.regions(); i++) {
                String a = was.content().substring(move.oldStart(i), move.oldEnd(i));
                String b = is.content().substring(move.newStart(i), move.newEnd(i));
                if (a.indexOf('#') >= 0 || b.indexOf('#') >= 0 || a.indexOf('\\') >= 0 || b.indexOf('\\') >= 0) return false;
                boolean inside = false;
                for (Map.Entry<String, Fn> e : now.entrySet()) {
                    Fn o = fns.get(e.getKey());
                    if (o != null && within(was, o, move.oldStart(i), move.oldEnd(i)) && within(is, e.getValue(), move.newStart(i), move.newEnd(i))) {
                        inside = true;
                        break;
                    }
                }
                if (inside) continue;
                // outside every single function: the declarations it touches have changed (a definition it touches
                // no longer maps to its old place, and is edited)
                for (Decl d : decls)
                    if (overlaps(d, move.oldStart(i), move.oldEnd(i)) && !changed(d, declared, named)) return false;
                for (Decl d : declsNow)
                    if (overlaps(d, move.newStart(i), move.newEnd(i)) && !changed(d, declared, named)) return false;
            }
            for (Map.Entry<String, Fn> e : now.entrySet()) {
                Fn n = e.getValue(), o = fns.get(e.getKey());
                if (o == null) continue;
                try {
                    int at = move.offset(o.start(), o.end() - o.start());
                    if (at == n.start() && at + (o.end() - o.start()) == n.end()) reusable.add(e.getKey());
                } catch (Relocation.Unmappable x) {
                    // edited
                }
            }
            // a function closed before and not now (or the reverse) changes what its callers and itself see; a
            // function added or removed is edited, and whoever names it runs again anyway
            for (String f : now.keySet()) if (fns.containsKey(f) && closedNow.contains(f) != closed.contains(f)) return false;
            try {
                return move.map(fileExtents).equals(extentsNow);
            } catch (Relocation.Unmappable x) {
                return false;
            }
        }

        /**
         * Whether the whole lines [from, to) of {@code t} (offsets at line starts; from == to: lines inserted or
         * deleted there) lie inside the definition {@code f}: lines of its own, or a place between two of them.
         */
        private static boolean within(SourceText t, Fn f, int from, int to) {
            int first = t.line(f.start()), last = t.line(Math.max(f.start(), f.end() - 1));
            if (from == to) {
                int at = t.line(from);
                return from < t.content().length() && first < at && at <= last;
            }
            int a = t.line(from), b = t.line(to - 1);
            if (a < first || b > last) return false;
            if (a == first && f.start() != t.lineStart(first)) return false; // the line holds text before the definition
            if (b == last) { // and after it
                int end = last < t.lineCount() ? t.lineStart(last + 1) - 1 : t.content().length();
                if (f.end() < end) return false;
            }
            return true;
        }

        /** Whether the lines [from, to) (from == to: lines inserted or deleted there) touch declaration {@code d}. */
        private static boolean overlaps(Decl d, int from, int to) {
            return from == to ? d.start() < from && from < d.end() : from < d.end() && d.start() < to;
        }

        /** Notes declaration {@code d} as changed; false when it is one CDT could not parse (what it held is unknown). */
        private static boolean changed(Decl d, Set<String> declared, Set<String> named) {
            declared.addAll(d.declared());
            named.addAll(d.names());
            return !d.problem();
        }

        /** The declarations of the unit's own text outside its function definitions. */
        private static List<Decl> declarations(List<IASTDeclaration> own) {
            List<Decl> out = new ArrayList<>();
            for (IASTDeclaration d : own) {
                if (d instanceof IASTFunctionDefinition) continue;
                var loc = d.getFileLocation();
                Set<String> declared = new HashSet<>(), names = new HashSet<>();
                names(d, names, declared);
                out.add(new Decl(loc.getNodeOffset(), loc.getNodeOffset() + loc.getNodeLength(), Set.copyOf(declared), Set.copyOf(names),
                        d instanceof org.eclipse.cdt.core.dom.ast.IASTProblemDeclaration));
            }
            return List.copyOf(out);
        }

        /** Keeps this analysis (its text, functions, unit-wide facts and every run it made or carried over) for the next. */
        void keep(UnitAnalyzer by, ParsedUnit unit, Set<String> closedNow, Map<String, Bound> extentsNow, Reuse reuse) {
            owner = by;
            text = unit.text();
            fns = Map.copyOf(reuse.now);
            decls = reuse.declsNow;
            closed = Set.copyOf(closedNow);
            fileExtents = new HashMap<>(extentsNow);
            runs = reuse.made;
        }

        /**
         * Adds to {@code all} the identifiers {@code node} holds, as the AST has them after macro expansion, and to
         * {@code declared} (when not null) those it declares or defines.
         */
        private static void names(IASTNode node, Set<String> all, Set<String> declared) {
            node.accept(new ASTVisitor() {
                { shouldVisitNames = true; }

                @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTName n) {
                    String s = n.toString();
                    all.add(s);
                    if (declared != null && (n.isDeclaration() || n.isDefinition())) declared.add(s);
                    return PROCESS_CONTINUE;
                }
            });
        }

        /** The first component in which two runs differ, for the check's message. */
        static String difference(Run a, Run b) {
            if (b == null) return "the new run failed";
            Part[] parts = {
                    new Part("summary", a.summary(), b.summary()), new Part("events", a.events(), b.events()),
                    new Part("lookedUp", a.lookedUp(), b.lookedUp()), new Part("outcome", a.outcome(), b.outcome()),
                    new Part("context", a.context(), b.context()), new Part("passes", a.passes(), b.passes()),
                    new Part("walkers", a.walkers(), b.walkers()), new Part("tables", a.tables(), b.tables()),
                    new Part("owned", a.owned(), b.owned())};
            for (Part p : parts) if (!java.util.Objects.equals(p.a(), p.b())) return p.name() + ": " + p.a() + "\n  against " + p.b();
            return "?";
        }

        private record Part(String name, Object a, Object b) {}
    }
}
