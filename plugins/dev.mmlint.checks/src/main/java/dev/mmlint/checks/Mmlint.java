package dev.mmlint.checks;

import dev.mmlint.dsl.DslDiagnostic;
import dev.mmlint.dsl.KnownRules;
import dev.mmlint.dsl.LoadResult;
import dev.mmlint.dsl.RuleCatalog;
import dev.mmlint.dsl.RuleSetLoader;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.SimReplayer;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.knowledge.ModelKnowledge;
import dev.mmlint.model.api.ReferenceModel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The standard engine: the built-in checks over the reference model compiled from rules/ (the
 * shipped rules, or rule files the user names), with witnesses replayed on the model's simulator.
 * Every adapter (CLI, Maven, IDE, LSP, review) obtains its engine here.
 */
public final class Mmlint {
    private static volatile ReferenceModel shipped;

    private Mmlint() {}

    /** The shipped reference model; loading it is checked by the rules tests, a failure here is a packaging bug. */
    public static ReferenceModel shippedModel() {
        ReferenceModel m = shipped;
        if (m == null) {
            synchronized (Mmlint.class) {
                if (shipped == null) shipped = model(shippedRules(), "the shipped rules");
                m = shipped;
            }
        }
        return m;
    }

    /** A model from rule files; throws IllegalArgumentException listing every located error. */
    public static ReferenceModel model(List<Path> ruleFiles) {
        return model(loadRules(ruleFiles), String.join(", ", ruleFiles.stream().map(Path::toString).toList()));
    }

    private static ReferenceModel model(LoadResult r, String what) {
        List<DslDiagnostic> errors = r.diagnostics().stream().filter(DslDiagnostic::isError).toList();
        if (!errors.isEmpty())
            throw new IllegalArgumentException("invalid rules in " + what + ":\n"
                    + errors.stream().map(DslDiagnostic::format).collect(Collectors.joining("\n")));
        return r.model();
    }

    /**
     * The rule ids a clause may back: the built-in rules and the custom rule classes that compiled and
     * implement {@link Check} (a custom rule may own clauses). A class that cannot be created adds no id;
     * {@link #load} reports it.
     */
    public static final KnownRules KNOWN_RULES = customClasses -> {
        java.util.Set<String> ids = new java.util.TreeSet<>(Checks.ids());
        for (Check c : instantiate(customClasses, null)) ids.add(c.info().id());
        return ids;
    };

    /** The shipped rule files, validated against the rule registry. */
    public static LoadResult shippedRules() { return RuleSetLoader.loadShipped(KNOWN_RULES); }

    /** Rule files and custom rules, validated against the rule registry (built-in and custom rules). */
    public static LoadResult loadRules(List<Path> paths) { return RuleSetLoader.load(paths, KNOWN_RULES); }

    /** {@code rules list|show} over loaded rules, naming each rule by its one summary. */
    public static RuleCatalog catalog(LoadResult loaded) {
        List<Check> all = new java.util.ArrayList<>(Checks.all());
        all.addAll(instantiate(loaded.customRules(), null));
        return new RuleCatalog(loaded, Checks.summaries(all));
    }

    private static List<Check> instantiate(List<Class<?>> classes, List<DslDiagnostic> problems) {
        List<Check> out = new java.util.ArrayList<>();
        for (Class<?> k : classes) {
            if (!Check.class.isAssignableFrom(k) || java.lang.reflect.Modifier.isAbstract(k.getModifiers())) continue;
            try {
                out.add((Check) k.getConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                if (problems != null) problems.add(DslDiagnostic.error(k.getName(), 1, 1, "custom rule cannot be created: " + e));
            }
        }
        return out;
    }

    public static Engine engine() { return engine(Engine.Options.defaults(), shippedModel()); }

    /**
     * An engine over the shipped rules that loads them only when it first analyses a unit: a run whose every
     * file comes from a result cache never parses the rule files.
     */
    public static Engine shippedEngine(Engine.Options options) {
        List<Check> all = Checks.all();
        return new Engine(ctx -> new ModelKnowledge(shippedModel(), ctx), all, options, ctx -> new SimReplayer(shippedModel(), ctx, all));
    }

    /** Custom checks loaded together with a model (see {@link #load}): they run wherever that model does. */
    private static final java.util.Map<ReferenceModel, List<Check>> CUSTOM =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    public static Engine engine(Engine.Options options, ReferenceModel model) {
        return engine(options, model, CUSTOM.getOrDefault(model, List.of()));
    }

    /** The built-in checks plus custom ones (see {@link #load}). */
    public static Engine engine(Engine.Options options, ReferenceModel model, List<Check> custom) {
        List<Check> all = new java.util.ArrayList<>(Checks.all());
        all.addAll(custom);
        return new Engine(ctx -> new ModelKnowledge(model, ctx), all, options, ctx -> new SimReplayer(model, ctx, all));
    }

    /**
     * Rule files and custom rules: {@code .mmr} files and Java sources (a directory's {@code custom/*.java})
     * compiled in-process with ECJ. Classes implementing {@link Check} are registered like the built-in
     * checks; a custom rule that does not compile, does not implement Check, reuses a rule id or has no
     * public no-argument constructor is reported with its location and left out, and the rest still load.
     * Errors in .mmr files are fatal (IllegalArgumentException), as for {@link #model(List)}.
     */
    public record Loaded(ReferenceModel model, List<Check> custom, List<DslDiagnostic> problems) {}

    public static Loaded load(List<Path> paths) {
        LoadResult r = loadRules(paths);
        List<DslDiagnostic> problems = new java.util.ArrayList<>(r.diagnostics().stream()
                .filter(d -> d.isError() && d.file().endsWith(".java")).toList());
        List<DslDiagnostic> modelErrors = r.diagnostics().stream().filter(d -> d.isError() && !d.file().endsWith(".java")).toList();
        if (!modelErrors.isEmpty())
            throw new IllegalArgumentException("invalid rules:\n" + modelErrors.stream().map(DslDiagnostic::format).collect(Collectors.joining("\n")));
        java.util.Set<String> ids = new java.util.HashSet<>();
        Checks.all().forEach(c -> ids.add(c.info().id()));
        List<Check> custom = new java.util.ArrayList<>();
        for (Check c : instantiate(r.customRules(), problems)) {
            if (!ids.add(c.info().id()))
                problems.add(DslDiagnostic.error(c.getClass().getName(), 1, 1, "custom rule reuses rule id " + c.info().id()));
            else custom.add(c);
        }
        CUSTOM.put(r.model(), List.copyOf(custom));
        return new Loaded(r.model(), List.copyOf(custom), List.copyOf(problems));
    }
}
