package dev.mmlint.checks;

import dev.mmlint.dsl.DslDiagnostic;
import dev.mmlint.dsl.LoadResult;
import dev.mmlint.dsl.RuleSetLoader;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.SimReplayer;
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
                if (shipped == null) shipped = model(RuleSetLoader.loadShipped(), "the shipped rules");
                m = shipped;
            }
        }
        return m;
    }

    /** A model from rule files; throws IllegalArgumentException listing every located error. */
    public static ReferenceModel model(List<Path> ruleFiles) {
        return model(RuleSetLoader.load(ruleFiles), String.join(", ", ruleFiles.stream().map(Path::toString).toList()));
    }

    private static ReferenceModel model(LoadResult r, String what) {
        List<DslDiagnostic> errors = r.diagnostics().stream().filter(DslDiagnostic::isError).toList();
        if (!errors.isEmpty())
            throw new IllegalArgumentException("invalid rules in " + what + ":\n"
                    + errors.stream().map(DslDiagnostic::format).collect(Collectors.joining("\n")));
        return r.model();
    }

    public static Engine engine() { return engine(Engine.Options.defaults(), shippedModel()); }

    public static Engine engine(Engine.Options options, ReferenceModel model) {
        return new Engine(ctx -> new ModelKnowledge(model, ctx), Checks.all(), options, ctx -> new SimReplayer(model, ctx));
    }
}
