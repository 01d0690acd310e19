package dev.mmlint.model.api;

import dev.mmlint.model.kconfig.KconfigExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The query facade the analysis engine uses: an immutable, indexed snapshot of a {@link RuleSet}.
 * Every answer carries the {@link ClauseInfo} that backs it, so a finding can cite the clause.
 *
 * <p>Queries take a {@link TreeContext}. Knowledge whose applicability is unknown in that context
 * (no version, no Kconfig) is included; knowledge known not to apply is not. Facts with malformed
 * windows or predicates are skipped (the validator reports them; a validated model has none).
 * Instances are thread-safe.
 */
public final class ReferenceModel {

    private record FnDef(String name, FunctionKind kind, List<String> params, List<EffectInfo> effects,
            VersionWindow window, KconfigExpr kconfig, ClauseInfo clause) {
    }

    private record Cond(VersionWindow window, KconfigExpr kconfig) {
    }

    private final Map<String, ClauseInfo> clauses = new TreeMap<>();
    private final Map<String, Cond> clauseConds = new LinkedHashMap<>();
    private final Map<String, List<FnDef>> functions = new TreeMap<>();
    private final List<FieldInfo> fields = new ArrayList<>();
    private final List<RangeInfo> ranges = new ArrayList<>();
    private final List<ValidatorInfo> validators = new ArrayList<>();
    private final Map<Object, KconfigExpr> kconfigOf = new java.util.IdentityHashMap<>();

    private ReferenceModel() {
    }

    public static ReferenceModel of(RuleSet rules) {
        ReferenceModel m = new ReferenceModel();
        for (RuleFile f : rules.files()) {
            for (Clause c : f.clauses()) m.index(f, c);
        }
        return m;
    }

    private void index(RuleFile f, Clause c) {
        VersionWindow cw;
        KconfigExpr k;
        try {
            cw = c.window();
            k = c.kconfigExpr().orElse(null);
        } catch (IllegalArgumentException e) {
            return;
        }
        List<ClauseInfo.RefInfo> refs = new ArrayList<>();
        for (Reference r : c.references()) {
            refs.add(new ClauseInfo.RefInfo(r.kind(), r.target(), r.subject(), r.release(), r.render()));
        }
        String kText = k == null ? null : k.text();
        ClauseInfo ci = new ClauseInfo(c.id(), c.rule(), c.effectiveConfidence(), cw, kText, c.rationale(),
                List.copyOf(refs), f.path(), f.family());
        if (c.id() == null || clauses.containsKey(c.id())) return;
        clauses.put(c.id(), ci);
        clauseConds.put(c.id(), new Cond(cw, k));
        for (Fact fact : c.facts()) {
            Optional<VersionWindow> w;
            try {
                w = cw.intersect(fact.ownWindow());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (w.isEmpty()) continue;
            VersionWindow fw = w.get();
            if (fact instanceof FunctionFact fn) {
                indexFunction(fn, fw, k, ci);
            } else if (fact instanceof FieldFact ff) {
                FieldInfo fi = new FieldInfo(ff.struct(), ff.field(), ff.access(), fw, kText, ci, ff.note());
                kconfigOf.put(fi, k);
                fields.add(fi);
            } else if (fact instanceof RangeFact rf) {
                try {
                    RangeInfo ri = new RangeInfo(rf.compiled(), rf.bound(), fw, kText, ci, rf.note());
                    kconfigOf.put(ri, k);
                    ranges.add(ri);
                } catch (IllegalArgumentException e) {
                    // malformed pattern: reported by the validator
                }
            } else if (fact instanceof ValidatorFact vf) {
                try {
                    ValidatorInfo vi = new ValidatorInfo(vf.kind(), vf.compiled(), fw, kText, ci, vf.note());
                    kconfigOf.put(vi, k);
                    validators.add(vi);
                } catch (IllegalArgumentException e) {
                    // malformed pattern: reported by the validator
                }
            }
        }
    }

    private void indexFunction(FunctionFact fn, VersionWindow w, KconfigExpr k, ClauseInfo ci) {
        List<String> params = fn.params();
        List<EffectInfo> effects = new ArrayList<>();
        for (Effect e : fn.effects()) {
            int pi = e.site() == EffectSite.RETURN ? -1 : idx(params, e.param());
            if (e.site() != EffectSite.RETURN && pi < 0) continue;
            Set<ValidationKind> vb = e.validatedBy().isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(e.validatedBy()));
            effects.add(new EffectInfo(fn.name(), fn.kind(), e.site(), pi, e.param(), e.kind(),
                    idx(params, e.count()), e.count(), idx(params, e.of()), vb, w,
                    k == null ? null : k.text(), ci, fn.note(),
                    e.condition() == null ? null : new EffectInfo.Condition(idx(params, e.condition()), e.condition(), e.conditionFlag(),
                            e.conditionFlagClear())));
        }
        functions.computeIfAbsent(fn.name(), n -> new ArrayList<>())
                .add(new FnDef(fn.name(), fn.kind(), params, List.copyOf(effects), w, k, ci));
    }

    private static int idx(List<String> params, String name) {
        return name == null ? -1 : params.indexOf(name);
    }

    // ---------------------------------------------------------------- applicability

    /** Whether a clause applies to a tree, with the reason in words; NO with a reason for an unknown id. */
    public Applicability applicability(String clauseId, TreeContext ctx) {
        Cond c = clauseConds.get(clauseId);
        if (c == null) return new Applicability(Tri.NO, "no clause '" + clauseId + "' in the model");
        return applicability(c.window(), c.kconfig(), ctx);
    }

    /**
     * As {@link #applicability(String, TreeContext)} for an entry of the clause whose own window
     * narrows the clause's to {@code w} ({@code fn page_mapcount(page) before 6.12} in a clause for
     * all kernels): the clause's Kconfig condition with that window.
     */
    public Applicability applicability(String clauseId, VersionWindow w, TreeContext ctx) {
        Cond c = clauseConds.get(clauseId);
        if (c == null) return new Applicability(Tri.NO, "no clause '" + clauseId + "' in the model");
        return applicability(w, c.kconfig(), ctx);
    }

    public static Applicability applicability(VersionWindow w, KconfigExpr k, TreeContext ctx) {
        Tri v;
        String vr;
        if (ctx.version() == null) {
            v = w.equals(VersionWindow.ALL) ? Tri.YES : Tri.UNKNOWN;
            vr = w.equals(VersionWindow.ALL) ? "all kernels" : "kernel version unknown (clause: " + w + ")";
        } else {
            v = Tri.of(w.contains(ctx.version()));
            vr = "kernel " + ctx.version() + (v == Tri.YES ? " in " : " not in ") + w;
        }
        if (k == null) return new Applicability(v, vr);
        Tri kv = k.eval(ctx.kconfig());
        String kr = ctx.kconfig() == null ? "kconfig unknown (clause: " + k.text() + ")"
                : k.text() + (kv == Tri.YES ? " holds" : kv == Tri.NO ? " does not hold" : " may hold")
                        + " (" + k.explain(ctx.kconfig()) + ")";
        return new Applicability(v.and(kv), vr + "; " + kr);
    }

    /** As {@link #applicability(VersionWindow, KconfigExpr, TreeContext)}{@code .mayApply()}, without the words (asked per pattern and lookup). */
    private static boolean mayApply(VersionWindow w, KconfigExpr k, TreeContext ctx) {
        Tri v = ctx.version() == null ? (w.equals(VersionWindow.ALL) ? Tri.YES : Tri.UNKNOWN) : Tri.of(w.contains(ctx.version()));
        return (k == null ? v : v.and(k.eval(ctx.kconfig()))) != Tri.NO;
    }

    // ---------------------------------------------------------------- clauses

    public List<ClauseInfo> clauses() {
        return List.copyOf(clauses.values());
    }

    public Optional<ClauseInfo> clause(String id) {
        return Optional.ofNullable(clauses.get(id));
    }

    /** Clauses backing a rule id, sorted by clause id. */
    public List<ClauseInfo> clausesFor(String ruleId) {
        return clauses.values().stream().filter(c -> ruleId.equals(c.rule())).toList();
    }

    // ---------------------------------------------------------------- functions

    public Set<String> functionNames() {
        return java.util.Collections.unmodifiableSet(functions.keySet());
    }

    /**
     * The semantics of {@code name} in this tree, merged over every clause that may apply. When several
     * signatures may apply (unknown version), the one from a definitely-applicable fact wins, then the
     * newest window; effects of facts with another arity are left out.
     */
    public Optional<FunctionSemantics> function(String name, TreeContext ctx) {
        List<FnDef> defs = functions.getOrDefault(name, List.of()).stream()
                .filter(d -> mayApply(d.window(), d.kconfig(), ctx)).toList();
        if (defs.isEmpty()) return Optional.empty();
        FnDef best = defs.stream().max(Comparator
                .comparing((FnDef d) -> applicability(d.window(), d.kconfig(), ctx).applies())
                .thenComparing(d -> d.window().since(), Comparator.nullsFirst(Comparator.naturalOrder()))).get();
        List<EffectInfo> effects = new ArrayList<>();
        for (FnDef d : defs) if (d.params().size() == best.params().size()) effects.addAll(d.effects());
        return Optional.of(new FunctionSemantics(name, best.kind(), best.params(), List.copyOf(effects)));
    }

    /** Every definition of a function over all versions and configurations (one per fact). */
    public List<FunctionSemantics> allDefinitions(String name) {
        return functions.getOrDefault(name, List.of()).stream()
                .map(d -> new FunctionSemantics(d.name(), d.kind(), d.params(), d.effects())).toList();
    }

    /** Functions that may apply in this tree and have at least one effect of {@code kind}. */
    public List<EffectInfo> effectsOfKind(EffectKind kind, TreeContext ctx) {
        List<EffectInfo> out = new ArrayList<>();
        for (List<FnDef> defs : functions.values()) {
            for (FnDef d : defs) {
                if (!mayApply(d.window(), d.kconfig(), ctx)) continue;
                for (EffectInfo e : d.effects()) if (e.kind() == kind) out.add(e);
            }
        }
        return out;
    }

    /** For {@code mmlint model verify}: every head requirement in the model, with its window. */
    public List<HeadRequirement> headRequirements() {
        List<HeadRequirement> out = new ArrayList<>();
        for (List<FnDef> defs : functions.values()) {
            for (FnDef d : defs) {
                for (EffectInfo e : d.effects()) {
                    if (e.kind() != EffectKind.REQUIRES_HEAD) continue;
                    out.add(new HeadRequirement(d.name(), e.paramIndex(), e.paramName(), d.window(),
                            d.kconfig() == null ? null : d.kconfig().text(), d.clause().id(), d.clause().rule(),
                            d.clause().confidence()));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- fields, ranges, validators

    /** How {@code struct.field} may be used through a possibly-tail page; exact names win over {@code *}. */
    public Optional<FieldInfo> field(String struct, String field, TreeContext ctx) {
        Optional<FieldInfo> exact = fields.stream()
                .filter(f -> f.struct().equals(struct) && f.field().equals(field) && mayApply(f.window(), kconfigOf.get(f), ctx))
                .findFirst();
        if (exact.isPresent()) return exact;
        return fields.stream()
                .filter(f -> f.struct().equals(struct) && f.field().equals("*") && mayApply(f.window(), kconfigOf.get(f), ctx))
                .findFirst();
    }

    public List<FieldInfo> fields(TreeContext ctx) {
        return fields.stream().filter(f -> mayApply(f.window(), kconfigOf.get(f), ctx)).toList();
    }

    public List<RangeInfo> ranges(TreeContext ctx) {
        return ranges.stream().filter(r -> mayApply(r.window(), kconfigOf.get(r), ctx)).toList();
    }

    /**
     * Classifies a size/offset expression. When several patterns match, the conservative answer
     * (MAY_EXCEED_MAX_ORDER) wins; empty when no pattern matches.
     */
    public Optional<RangeInfo> rangeBound(String expression, TreeContext ctx) {
        List<String> candidate = ExprPattern.candidate(expression);
        return ranges(ctx).stream().filter(r -> r.pattern().matches(candidate))
                .max(Comparator.comparing(r -> r.bound() == RangeBound.MAY_EXCEED_MAX_ORDER));
    }

    public List<ValidatorInfo> validators(TreeContext ctx) {
        return validators.stream().filter(v -> mayApply(v.window(), kconfigOf.get(v), ctx)).toList();
    }

    /** Validators whose pattern matches the condition, e.g. {@code compound_head(page) != head}. */
    public List<ValidatorInfo> validatorsMatching(String condition, TreeContext ctx) {
        return validatorsMatching(ExprPattern.candidate(condition), ctx);
    }

    /** {@link #validatorsMatching(String, TreeContext)} on the condition's {@link ExprPattern#candidate candidate} tokens. */
    public List<ValidatorInfo> validatorsMatching(List<String> candidate, TreeContext ctx) {
        return validators(ctx).stream().filter(v -> v.pattern().matches(candidate)).toList();
    }
}
