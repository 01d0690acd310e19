package dev.mmlint.frontend;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * One parsed C file: its AST (CDT), the exact text it was parsed from, the kernel context it was
 * parsed under, the function definitions it holds with their coverage, and the problems met.
 *
 * @param path        the file on disk (null for in-memory text such as a patch hunk)
 * @param displayPath the name used in reports: relative to the tree root when there is one
 * @param mode        how it was parsed (kernel tree, compile_commands.json, or lone fragment)
 * @param build       whether the kernel build compiles this file under the Kconfig in use; when it
 *                    does not, every entry of {@code coverage} has status NOT_BUILT and says why
 * @param variants    the same text parsed again under other preprocessor assumptions (a lone fragment
 *                    with no Kconfig: the CONFIG_ symbols its conditionals test, defined); empty when
 *                    the configuration is known. This unit is the parse with those symbols not set.
 */
public record ParsedUnit(Path path, String displayPath, SourceText text, IASTTranslationUnit ast,
                         KernelContext context, Mode mode, List<IASTFunctionDefinition> functions,
                         List<FunctionCoverage> coverage, List<Diagnostic> problems, BuildStatus build,
                         List<Variant> variants) {
    public enum Mode { KERNEL_TREE, COMPILE_COMMANDS, FRAGMENT }

    /**
     * One more parse of the same text.
     *
     * @param enabled the CONFIG_ symbols (with the prefix) defined in this parse and not in the main one
     */
    public record Variant(List<String> enabled, ParsedUnit unit) {
        public Variant { enabled = List.copyOf(enabled); }
    }

    public ParsedUnit {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    public ParsedUnit(Path path, String displayPath, SourceText text, IASTTranslationUnit ast, KernelContext context,
                      Mode mode, List<IASTFunctionDefinition> functions, List<FunctionCoverage> coverage,
                      List<Diagnostic> problems, BuildStatus build) {
        this(path, displayPath, text, ast, context, mode, functions, coverage, problems, build, List.of());
    }

    /** A copy with these variants. */
    public ParsedUnit withVariants(List<Variant> vs) {
        return new ParsedUnit(path, displayPath, text, ast, context, mode, functions, coverage, problems, build, vs);
    }

    /**
     * Coverage of every function of the text under any variant: this parse's, then the functions
     * only a variant compiles (by name and line), each once.
     */
    public List<FunctionCoverage> coverageAcrossVariants() {
        if (variants.isEmpty()) return coverage;
        List<FunctionCoverage> all = new java.util.ArrayList<>(coverage);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FunctionCoverage c : coverage) seen.add(c.name() + ":" + c.line());
        for (Variant v : variants)
            for (FunctionCoverage c : v.unit().coverage())
                if (seen.add(c.name() + ":" + c.line())) all.add(c);
        return List.copyOf(all);
    }

    /** Without a build status (not determined). */
    public ParsedUnit(Path path, String displayPath, SourceText text, IASTTranslationUnit ast, KernelContext context,
                      Mode mode, List<IASTFunctionDefinition> functions, List<FunctionCoverage> coverage,
                      List<Diagnostic> problems) {
        this(path, displayPath, text, ast, context, mode, functions, coverage, problems,
                BuildStatus.unknown("not determined"));
    }
}
