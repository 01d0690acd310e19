package dev.mmlint.dsl;

import dev.mmlint.model.api.ClauseInfo;
import dev.mmlint.model.api.EffectInfo;
import dev.mmlint.model.api.FunctionSemantics;
import dev.mmlint.model.api.HeadRequirement;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.RuleFile;
import dev.mmlint.model.api.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Library side of {@code mmlint rules check|list|show} and {@code mmlint model verify}: plain data and
 * text, no I/O besides reading rules, so the CLI, the Maven plugin and the IDE print the same thing.
 */
public final class RuleCatalog {

    /** One row of {@code rules list}. */
    public record Row(String clauseId, String rule, String window, String kconfig, String confidence, String file) {
    }

    private final LoadResult loaded;
    private final Map<String, String> summaries;

    /** A catalog that names rules by id alone. */
    public RuleCatalog(LoadResult loaded) {
        this(loaded, Map.of());
    }

    /** @param summaries one-line summary by rule id, from the rule registry (the checks' metadata) */
    public RuleCatalog(LoadResult loaded, Map<String, String> summaries) {
        this.loaded = loaded;
        this.summaries = Map.copyOf(summaries);
    }

    public static RuleCatalog shipped() {
        return new RuleCatalog(RuleSetLoader.loadShipped());
    }

    public LoadResult loaded() {
        return loaded;
    }

    /** {@code rules check}: every diagnostic of the given files and directories (empty = all good). */
    public static List<DslDiagnostic> check(List<Path> paths) {
        return RuleSetLoader.load(paths).diagnostics();
    }

    /** {@code rules list}: one row per clause of the engine's model, sorted by clause id. */
    public List<Row> list() {
        List<Row> rows = new ArrayList<>();
        for (ClauseInfo c : loaded.model().clauses()) {
            rows.add(new Row(c.id(), c.rule(), c.window().toString(), c.kconfig() == null ? "-" : c.kconfig(),
                    c.confidence().literal(), c.file()));
        }
        return rows;
    }

    /** {@code rules show <id>}: rationale, applicability, references and the facts, as DSL text. */
    public Optional<String> show(String clauseId) {
        Optional<ClauseInfo> ci = loaded.model().clause(clauseId);
        if (ci.isEmpty()) return Optional.empty();
        ClauseInfo c = ci.get();
        StringBuilder sb = new StringBuilder();
        String summary = summaries.get(c.rule());
        sb.append(c.id()).append(" [").append(c.rule()).append(summary == null ? "" : ": " + summary).append("]\n");
        sb.append("  applies to: ").append(c.applicabilityText()).append('\n');
        sb.append("  confidence: ").append(c.confidence().literal()).append('\n');
        sb.append("  defined in: ").append(c.file()).append('\n');
        sb.append('\n').append(wrap(c.rationale(), "  ")).append('\n');
        sb.append("\nreferences:\n");
        for (ClauseInfo.RefInfo r : c.references()) sb.append("  ").append(r.rendered()).append('\n');
        findClauseText(clauseId).ifPresent(t -> sb.append("\nfacts:\n").append(t));
        return Optional.of(sb.toString());
    }

    private Optional<String> findClauseText(String id) {
        RuleSet rs = loaded.ruleSet();
        for (RuleFile f : rs.files()) {
            for (var c : f.clauses()) {
                if (!id.equals(c.id())) continue;
                RuleFile tmp = RuleFile.create(f.path(), f.family());
                StringBuilder sb = new StringBuilder();
                for (var fact : c.facts()) {
                    String all = RulePrinter.print(factOnly(tmp, c, fact));
                    int start = all.indexOf("{\n") + 2;
                    int end = all.lastIndexOf("}\n");
                    sb.append(all, start, end);
                }
                return Optional.of(sb.toString());
            }
        }
        return Optional.empty();
    }

    private static RuleFile factOnly(RuleFile tmp, dev.mmlint.model.api.Clause c, dev.mmlint.model.api.Fact fact) {
        RuleFile f = RuleFile.create(tmp.path(), tmp.family());
        f.setDescription("");
        dev.mmlint.model.api.Clause copy = dev.mmlint.model.api.Clause.create(c.id(), c.rule());
        copy.addFact(dev.mmlint.model.api.Fact.wrap(org.eclipse.emf.ecore.util.EcoreUtil.copy(fact.eObject())));
        f.addClause(copy);
        return f;
    }

    /** {@code model verify}: functions the model says require a head, with their windows (input of the drift report). */
    public List<HeadRequirement> headRequirements() {
        return loaded.model().headRequirements();
    }

    /** What the model says about one function in a tree, one effect per line (for {@code rules explain fn}). */
    public static List<String> describe(FunctionSemantics fs) {
        List<String> out = new ArrayList<>();
        for (EffectInfo e : fs.effects()) {
            String site = switch (e.site()) {
                case RETURN -> "return";
                case PARAM -> e.paramName();
                case ARRAY -> e.paramName() + "[]";
            };
            out.add(fs.name() + ": " + site + ": " + e.kind().literal() + "  (" + e.clause().id() + ", " + e.window() + ")");
        }
        return out;
    }

    public ReferenceModel model() {
        return loaded.model();
    }

    private static String wrap(String text, String indent) {
        StringBuilder sb = new StringBuilder(indent);
        int col = indent.length();
        for (String w : text.split(" ")) {
            if (col + w.length() > 96 && col > indent.length()) {
                sb.append('\n').append(indent);
                col = indent.length();
            }
            sb.append(w).append(' ');
            col += w.length() + 1;
        }
        return sb.toString().stripTrailing();
    }
}
