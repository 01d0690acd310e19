package dev.mmlint.dsl;

import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.RuleSet;
import java.util.List;

/**
 * The outcome of loading rules.
 *
 * @param ruleSet      every rules file that parsed (including files with semantic errors), for tools
 * @param model        the query facade over the files without any error: what the engine should use
 * @param diagnostics  every problem found, sorted by file, line, column
 * @param customRules  classes loaded from custom rule sources (rules/custom/*.java)
 * @param sourceMap    where each model object was written
 * @param rejected     names of the rules files left out of {@code model} because of errors
 */
public record LoadResult(RuleSet ruleSet, ReferenceModel model, List<DslDiagnostic> diagnostics, List<Class<?>> customRules,
        SourceMap sourceMap, List<String> rejected) {

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(DslDiagnostic::isError);
    }

    public List<DslDiagnostic> errors() {
        return diagnostics.stream().filter(DslDiagnostic::isError).toList();
    }
}
