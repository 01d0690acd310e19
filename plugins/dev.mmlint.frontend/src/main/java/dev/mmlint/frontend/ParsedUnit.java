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
 */
public record ParsedUnit(Path path, String displayPath, SourceText text, IASTTranslationUnit ast,
                         KernelContext context, Mode mode, List<IASTFunctionDefinition> functions,
                         List<FunctionCoverage> coverage, List<Diagnostic> problems, BuildStatus build) {
    public enum Mode { KERNEL_TREE, COMPILE_COMMANDS, FRAGMENT }

    /** Without a build status (not determined). */
    public ParsedUnit(Path path, String displayPath, SourceText text, IASTTranslationUnit ast, KernelContext context,
                      Mode mode, List<IASTFunctionDefinition> functions, List<FunctionCoverage> coverage,
                      List<Diagnostic> problems) {
        this(path, displayPath, text, ast, context, mode, functions, coverage, problems,
                BuildStatus.unknown("not determined"));
    }
}
