package dev.mmlint.model.validation;

import dev.mmlint.model.MmModel;
import dev.mmlint.model.api.Clause;
import dev.mmlint.model.api.Effect;
import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.EffectSite;
import dev.mmlint.model.api.ExprPattern;
import dev.mmlint.model.api.Fact;
import dev.mmlint.model.api.FieldFact;
import dev.mmlint.model.api.FunctionFact;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.model.api.RangeFact;
import dev.mmlint.model.api.Reference;
import dev.mmlint.model.api.RuleFile;
import dev.mmlint.model.api.RuleSet;
import dev.mmlint.model.api.ValidatorFact;
import dev.mmlint.model.api.VersionWindow;
import dev.mmlint.model.kconfig.KconfigExpr;
import dev.mmlint.model.kconfig.KconfigSyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.util.EObjectValidator;

/**
 * The EValidator of the mmlint package. Per-object checks run when the Diagnostician visits each
 * object; whole-model checks (duplicate clause ids, contradictions, overlapping definitions) run on
 * the {@code RuleSet} root. Two facts "overlap" when their effective version windows intersect and
 * their Kconfig predicates can hold together (checked exhaustively over the symbols involved).
 */
public final class MmlintValidator implements EValidator {

    private static final Pattern CLAUSE_ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)+");
    private static final Pattern C_IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");
    private static final Pattern RULE_ID = Pattern.compile("MM[0-9]{3}");

    /**
     * Key of the validation context under which the caller gives the rule ids clauses may back (a
     * {@code Collection<String>}): the rules its loader knows, built-in and custom. Without it only
     * the form of a rule id (MMnnn) is checked. See {@link ModelValidation#validate(RuleSet, java.util.Collection)}.
     */
    public static final String KNOWN_RULES = "dev.mmlint.knownRules";

    @Override
    public boolean validate(EObject eObject, DiagnosticChain d, Map<Object, Object> context) {
        return validate(eObject.eClass(), eObject, d, context);
    }

    @Override
    public boolean validate(EDataType eDataType, Object value, DiagnosticChain d, Map<Object, Object> context) {
        return true;
    }

    @Override
    public boolean validate(EClass eClass, EObject o, DiagnosticChain d, Map<Object, Object> context) {
        boolean ok = EObjectValidator.INSTANCE.validate(eClass, o, d, context);
        Sink s = new Sink(d);
        switch (eClass.getName()) {
            case "RuleSet" -> checkRuleSet(new RuleSet(o), s);
            case "RuleFile" -> checkFile(new RuleFile(o), s);
            case "Clause" -> checkClause(new Clause(o), s, context == null ? null : (java.util.Collection<?>) context.get(KNOWN_RULES));
            case "Reference" -> checkReference(new Reference(o), s);
            case "FunctionFact" -> {
                checkFactWindow(new FunctionFact(o), s);
                checkFunction(new FunctionFact(o), s);
            }
            case "FieldFact" -> {
                checkFactWindow(new FieldFact(o), s);
                checkField(new FieldFact(o), s);
            }
            case "RangeFact" -> {
                checkFactWindow(new RangeFact(o), s);
                checkPattern(o, new RangeFact(o).pattern(), s);
            }
            case "ValidatorFact" -> {
                checkFactWindow(new ValidatorFact(o), s);
                checkPattern(o, new ValidatorFact(o).pattern(), s);
            }
            case "Effect" -> checkEffect(new Effect(o), s);
            default -> {
            }
        }
        return ok && s.ok;
    }

    /** Collects diagnostics; data = [subject, feature?, related...]. */
    private static final class Sink {
        final DiagnosticChain chain;
        boolean ok = true;

        Sink(DiagnosticChain chain) {
            this.chain = chain;
        }

        void error(ModelProblem p, EObject subject, String feature, String message, EObject... related) {
            ok = false;
            if (chain == null) return;
            List<Object> data = new ArrayList<>();
            data.add(subject);
            if (feature != null) data.add(subject.eClass().getEStructuralFeature(feature));
            for (EObject r : related) data.add(r);
            chain.add(new BasicDiagnostic(Diagnostic.ERROR, ModelProblem.SOURCE, p.code(), message, data.toArray()));
        }
    }

    // ------------------------------------------------------------------ per object

    private void checkFile(RuleFile f, Sink s) {
        if (blank(f.family())) s.error(ModelProblem.MISSING_FAMILY, f.eObject(), "family", "rule file has no family name");
        if (blank(f.description())) s.error(ModelProblem.MISSING_DESCRIPTION, f.eObject(), "description",
                "rule file '" + f.family() + "' has no description");
        if (f.confidence() == null) s.error(ModelProblem.MISSING_CONFIDENCE, f.eObject(), "confidence",
                "rule file '" + f.family() + "' declares no confidence (high, medium or low)");
    }

    private void checkClause(Clause c, Sink s, java.util.Collection<?> knownRules) {
        String id = c.id();
        if (blank(id) || !CLAUSE_ID.matcher(id).matches()) {
            s.error(ModelProblem.BAD_CLAUSE_ID, c.eObject(), "id", "malformed clause id '" + id
                    + "' (expected family.name, lower case, e.g. compound.tail-head-only-field)");
        }
        if (c.rule() == null || !RULE_ID.matcher(c.rule()).matches()) {
            s.error(ModelProblem.UNKNOWN_RULE, c.eObject(), "rule", "clause '" + id + "' backs malformed rule id '" + c.rule()
                    + "' (expected MMnnn)");
        } else if (knownRules != null && !knownRules.contains(c.rule())) {
            s.error(ModelProblem.UNKNOWN_RULE, c.eObject(), "rule", "clause '" + id + "' backs unknown rule '" + c.rule()
                    + "' (known: " + String.join(", ", knownRules.stream().map(String::valueOf).sorted().toList()) + ")");
        }
        boolean versionsOk = checkVersion(c.eObject(), "since", c.since(), s) & checkVersion(c.eObject(), "before", c.before(), s);
        if (versionsOk && c.window().isEmpty()) {
            s.error(ModelProblem.EMPTY_WINDOW, c.eObject(), "before", "clause '" + id + "' has an empty version window: since "
                    + c.since() + " is not before " + c.before());
        }
        if (!blank(c.kconfig())) {
            try {
                KconfigExpr.parse(c.kconfig());
            } catch (KconfigSyntaxException e) {
                s.error(ModelProblem.BAD_KCONFIG, c.eObject(), "kconfig", "clause '" + id + "': " + e.getMessage());
            }
        }
        if (blank(c.rationale())) s.error(ModelProblem.MISSING_RATIONALE, c.eObject(), "rationale", "clause '" + id + "' has no rationale");
        if (c.references().isEmpty()) s.error(ModelProblem.MISSING_REFERENCE, c.eObject(), "references",
                "clause '" + id + "' has no upstream reference (commit, lkml, url, source or doc)");
        if (c.facts().isEmpty()) s.error(ModelProblem.EMPTY_CLAUSE, c.eObject(), "facts", "clause '" + id + "' states no facts");
    }

    private boolean checkVersion(EObject o, String feature, String v, Sink s) {
        if (blank(v)) return true;
        try {
            KernelVersion.parse(v);
            return true;
        } catch (IllegalArgumentException e) {
            s.error(ModelProblem.MALFORMED_VERSION, o, feature, e.getMessage());
            return false;
        }
    }

    private void checkReference(Reference r, Sink s) {
        String t = r.target();
        if (blank(t)) {
            s.error(ModelProblem.BAD_REFERENCE, r.eObject(), "target", "reference has no target");
            return;
        }
        switch (r.kind()) {
            case COMMIT -> {
                if (!COMMIT.matcher(t).matches()) s.error(ModelProblem.BAD_REFERENCE, r.eObject(), "target",
                        "commit id '" + t + "' is not 7 to 40 lower-case hex digits");
                if (blank(r.subject())) s.error(ModelProblem.BAD_REFERENCE, r.eObject(), "subject",
                        "commit " + t + " needs its subject line");
            }
            case LKML, URL -> {
                if (!t.startsWith("https://") && !t.startsWith("http://")) s.error(ModelProblem.BAD_REFERENCE, r.eObject(), "target",
                        "reference '" + t + "' is not an http(s) URL");
            }
            case SOURCE, DOC -> {
                if (blank(r.release())) s.error(ModelProblem.BAD_REFERENCE, r.eObject(), "release",
                        "source reference '" + t + "' must name the kernel release it was read at");
                else checkVersion(r.eObject(), "release", r.release(), s);
            }
        }
    }

    private void checkFactWindow(Fact f, Sink s) {
        boolean ok = checkVersion(f.eObject(), "since", f.since(), s) & checkVersion(f.eObject(), "before", f.before(), s);
        if (!ok) return;
        VersionWindow own = f.ownWindow();
        if (own.isEmpty()) {
            s.error(ModelProblem.EMPTY_WINDOW, f.eObject(), "before", "empty version window: since " + f.since() + " is not before " + f.before());
            return;
        }
        Clause c = f.clause();
        if (c == null) return;
        try {
            VersionWindow cw = c.window();
            if (cw.isEmpty()) return;
            boolean outside = (own.since() != null && cw.since() != null && own.since().isBefore(cw.since()))
                    || (own.before() != null && cw.before() != null && cw.before().isBefore(own.before()))
                    || cw.intersect(own).isEmpty();
            if (outside) {
                s.error(ModelProblem.FACT_WINDOW_OUTSIDE_CLAUSE, f.eObject(), blank(f.since()) ? "before" : "since",
                        "window " + own + " is not inside clause '" + c.id() + "' window " + cw);
            }
        } catch (IllegalArgumentException e) {
            // the clause's own version problem is reported on the clause
        }
    }

    private void checkFunction(FunctionFact fn, Sink s) {
        if (blank(fn.name()) || !C_IDENT.matcher(fn.name()).matches()) {
            s.error(ModelProblem.BAD_NAME, fn.eObject(), "name", "'" + fn.name() + "' is not a C identifier");
        }
        Set<String> seen = new HashSet<>();
        for (String p : fn.params()) {
            if (!seen.add(p)) s.error(ModelProblem.DUPLICATE_PARAM, fn.eObject(), "params",
                    fn.name() + "(): parameter '" + p + "' declared twice");
        }
        List<Effect> effects = fn.effects();
        if (effects.isEmpty()) s.error(ModelProblem.EMPTY_FUNCTION, fn.eObject(), "effects", fn.name() + "() states no effect");
        for (int i = 0; i < effects.size(); i++) {
            for (int j = 0; j < i; j++) {
                Effect a = effects.get(j), b = effects.get(i);
                if (!sameSite(a, b)) continue;
                // one when a flag is set, the other when it is clear: never both at one call
                if (complementary(a, b)) continue;
                if (a.kind() == b.kind()) {
                    s.error(ModelProblem.DUPLICATE_EFFECT, b.eObject(), "kind", fn.name() + "(): " + siteText(b) + " states "
                            + b.kind().literal() + " twice");
                } else if (a.kind().contradicts(b.kind())) {
                    s.error(ModelProblem.CONTRADICTION, b.eObject(), "kind", fn.name() + "(): " + siteText(b) + " is both "
                            + a.kind().literal() + " and " + b.kind().literal(), a.eObject());
                }
            }
        }
    }

    /** Whether two effects happen under complementary conditions (when f has X, when f lacks X). */
    private static boolean complementary(Effect a, Effect b) {
        return a.condition() != null && a.condition().equals(b.condition()) && a.conditionFlag() != null
                && a.conditionFlag().equals(b.conditionFlag()) && a.conditionFlagClear() != b.conditionFlagClear();
    }

    private void checkEffect(Effect e, Sink s) {
        FunctionFact fn = e.function();
        List<String> params = fn == null ? List.of() : fn.params();
        String fname = fn == null ? "?" : fn.name();
        if (e.site() == EffectSite.RETURN) {
            if (!blank(e.param())) s.error(ModelProblem.INVALID_EFFECT_SITE, e.eObject(), "param", fname + "(): a return effect names no parameter");
        } else if (e.param() == null || !params.contains(e.param())) {
            s.error(ModelProblem.UNDEFINED_PARAM, e.eObject(), "param", fname + "(): no parameter named '" + e.param()
                    + "' (parameters: " + String.join(", ", params) + ")");
        }
        if (!e.kind().allowedSites().contains(e.site())) {
            s.error(ModelProblem.INVALID_EFFECT_SITE, e.eObject(), "kind", fname + "(): " + e.kind().literal()
                    + " cannot apply to " + siteText(e));
        }
        for (String f : new String[] {"count", "of"}) {
            String v = f.equals("count") ? e.count() : e.of();
            if (!blank(v) && !params.contains(v)) {
                s.error(ModelProblem.UNDEFINED_PARAM, e.eObject(), f, fname + "(): " + f + " names no parameter '" + v + "'");
            }
        }
        if (!blank(e.condition())) {
            if (e.site() == EffectSite.RETURN) {
                s.error(ModelProblem.INVALID_EFFECT_SITE, e.eObject(), "condition", fname + "(): only effects on parameters can depend on a condition");
            } else if (!params.contains(e.condition())) {
                s.error(ModelProblem.UNDEFINED_PARAM, e.eObject(), "condition", fname + "(): the condition names no parameter '"
                        + e.condition() + "' (parameters: " + String.join(", ", params) + ")");
            } else if (e.condition().equals(e.param())) {
                s.error(ModelProblem.UNDEFINED_PARAM, e.eObject(), "condition", fname + "(): an effect on '" + e.param()
                        + "' cannot depend on '" + e.param() + "' itself");
            }
        }
        if (!blank(e.conditionFlag())) {
            if (blank(e.condition())) {
                s.error(ModelProblem.UNDEFINED_PARAM, e.eObject(), "conditionFlag", fname + "(): a flag needs the parameter it is tested in");
            } else if (!C_IDENT.matcher(e.conditionFlag()).matches()) {
                s.error(ModelProblem.BAD_NAME, e.eObject(), "conditionFlag", fname + "(): bad flag name '" + e.conditionFlag() + "'");
            }
        }
        if (e.kind() == EffectKind.SPECULATIVE_REF && e.validatedBy().isEmpty()) {
            s.error(ModelProblem.MISSING_VALIDATION, e.eObject(), "validatedBy", fname + "(): a speculative reference must say what validates it (validated_by(...))");
        }
        if (e.kind() != EffectKind.SPECULATIVE_REF && !e.validatedBy().isEmpty()) {
            s.error(ModelProblem.MISPLACED_VALIDATION, e.eObject(), "validatedBy", fname + "(): validated_by only applies to speculative_ref");
        }
        // a returned range may be sized by no argument (the first page of a scatterlist entry): count is optional there
        boolean needsCount = e.site() == EffectSite.ARRAY && (e.kind().group() == EffectKind.Group.ACQUIRE
                || e.kind().group() == EffectKind.Group.RELEASE || e.kind() == EffectKind.UNBOUNDED_RANGE)
                || e.kind() == EffectKind.UNBOUNDED_RANGE && e.site() != EffectSite.RETURN;
        if (needsCount && blank(e.count())) {
            s.error(ModelProblem.MISSING_COUNT, e.eObject(), "count", fname + "(): " + e.kind().literal() + " on " + siteText(e)
                    + " needs 'count <param>'");
        }
    }

    private void checkField(FieldFact f, Sink s) {
        if (blank(f.struct()) || !C_IDENT.matcher(f.struct()).matches()) s.error(ModelProblem.BAD_NAME, f.eObject(), "struct", "bad struct name '" + f.struct() + "'");
        if (blank(f.field()) || !(f.field().equals("*") || C_IDENT.matcher(f.field()).matches())) {
            s.error(ModelProblem.BAD_NAME, f.eObject(), "field", "bad field name '" + f.field() + "'");
        }
    }

    private void checkPattern(EObject o, String pattern, Sink s) {
        try {
            ExprPattern.compile(pattern == null ? "" : pattern);
        } catch (IllegalArgumentException e) {
            s.error(ModelProblem.BAD_PATTERN, o, "pattern", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ whole model

    /** A fact with its decoded applicability; null window means undecodable (skipped). */
    private record Scoped(Fact fact, Clause clause, VersionWindow window, KconfigExpr kconfig) {
        String where() {
            String path = clause.file() == null ? null : clause.file().path();
            return "clause '" + clause.id() + "'" + (path == null ? "" : " (" + basename(path) + ")");
        }
    }

    private void checkRuleSet(RuleSet rs, Sink s) {
        Map<String, Clause> ids = new LinkedHashMap<>();
        List<Scoped> scoped = new ArrayList<>();
        for (RuleFile f : rs.files()) {
            for (Clause c : f.clauses()) {
                if (!blank(c.id())) {
                    Clause first = ids.putIfAbsent(c.id(), c);
                    if (first != null) {
                        s.error(ModelProblem.DUPLICATE_CLAUSE_ID, c.eObject(), "id", "duplicate clause id '" + c.id()
                                + "' (first defined in " + (first.file() == null ? "?" : basename(first.file().path())) + ")", first.eObject());
                    }
                }
                VersionWindow cw;
                KconfigExpr k;
                try {
                    cw = c.window();
                    k = c.kconfigExpr().orElse(null);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                for (Fact fact : c.facts()) {
                    try {
                        Optional<VersionWindow> w = cw.intersect(fact.ownWindow());
                        w.ifPresent(win -> scoped.add(new Scoped(fact, c, win, k)));
                    } catch (IllegalArgumentException e) {
                        // malformed fact window: reported per object
                    }
                }
            }
        }
        for (int i = 0; i < scoped.size(); i++) {
            for (int j = 0; j < i; j++) {
                Scoped a = scoped.get(j), b = scoped.get(i);
                if (a.fact().getClass() != b.fact().getClass() || !key(a.fact()).equals(key(b.fact()))) continue;
                if (!a.window().overlaps(b.window()) || !KconfigExpr.jointlySatisfiable(a.kconfig(), b.kconfig())) continue;
                comparePair(a, b, s);
            }
        }
    }

    private static String key(Fact f) {
        if (f instanceof FunctionFact fn) return "fn:" + fn.name();
        if (f instanceof FieldFact ff) return "field:" + ff.struct() + "." + ff.field();
        if (f instanceof RangeFact rf) return "range:" + String.join(" ", ExprPattern.tokenize(nn(rf.pattern())));
        if (f instanceof ValidatorFact vf) return "validator:" + String.join(" ", ExprPattern.tokenize(nn(vf.pattern())));
        return "?";
    }

    private void comparePair(Scoped a, Scoped b, Sink s) {
        String overlap = a.window().intersect(b.window()).map(VersionWindow::toString).orElse("?");
        if (a.fact() instanceof FunctionFact fa && b.fact() instanceof FunctionFact fb) {
            if (fa.params().size() != fb.params().size()) {
                s.error(ModelProblem.SIGNATURE_CONFLICT, fb.eObject(), "params", fb.name() + "() has " + fb.params().size()
                        + " parameters here but " + fa.params().size() + " in " + a.where() + " for overlapping kernels " + overlap,
                        fa.eObject());
                return;
            }
            for (Effect eb : fb.effects()) {
                for (Effect ea : fa.effects()) {
                    if (ea.site() != eb.site() || fa.paramIndex(ea.param()) != fb.paramIndex(eb.param())) continue;
                    if (ea.kind() == eb.kind()) {
                        s.error(ModelProblem.OVERLAPPING_DEFINITION, eb.eObject(), "kind", fb.name() + "(): " + siteText(eb) + " "
                                + eb.kind().literal() + " is already stated by " + a.where() + " for overlapping kernels " + overlap,
                                ea.eObject());
                    } else if (ea.kind().contradicts(eb.kind())) {
                        s.error(ModelProblem.CONTRADICTION, eb.eObject(), "kind", fb.name() + "(): " + siteText(eb) + " is "
                                + eb.kind().literal() + " here but " + ea.kind().literal() + " in " + a.where()
                                + " for overlapping kernels " + overlap, ea.eObject());
                    }
                }
            }
        } else if (a.fact() instanceof FieldFact fa && b.fact() instanceof FieldFact fb) {
            boolean same = fa.access() == fb.access();
            s.error(same ? ModelProblem.OVERLAPPING_DEFINITION : ModelProblem.CONTRADICTION, fb.eObject(), "access",
                    "field " + fb.struct() + "." + fb.field() + " is " + fb.access().literal() + " here"
                            + (same ? " and already" : " but " + fa.access().literal()) + " in " + a.where()
                            + " for overlapping kernels " + overlap, fa.eObject());
        } else if (a.fact() instanceof RangeFact fa && b.fact() instanceof RangeFact fb) {
            boolean same = fa.bound() == fb.bound();
            s.error(same ? ModelProblem.OVERLAPPING_DEFINITION : ModelProblem.CONTRADICTION, fb.eObject(), "bound",
                    "range \"" + fb.pattern() + "\" is " + fb.bound().literal() + " here" + (same ? " and already" : " but "
                            + fa.bound().literal()) + " in " + a.where() + " for overlapping kernels " + overlap, fa.eObject());
        } else if (a.fact() instanceof ValidatorFact fa && b.fact() instanceof ValidatorFact fb) {
            s.error(fa.kind() == fb.kind() ? ModelProblem.OVERLAPPING_DEFINITION : ModelProblem.CONTRADICTION, fb.eObject(), "pattern",
                    "validator \"" + fb.pattern() + "\" is already stated (" + fa.kind().literal() + ") in " + a.where()
                            + " for overlapping kernels " + overlap, fa.eObject());
        }
    }

    private static boolean sameSite(Effect a, Effect b) {
        return a.site() == b.site() && (a.site() == EffectSite.RETURN || java.util.Objects.equals(a.param(), b.param()));
    }

    private static String siteText(Effect e) {
        return switch (e.site()) {
            case RETURN -> "the return value";
            case PARAM -> "parameter '" + e.param() + "'";
            case ARRAY -> "array '" + e.param() + "[]'";
        };
    }

    private static String basename(String path) {
        if (path == null) return "?";
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
