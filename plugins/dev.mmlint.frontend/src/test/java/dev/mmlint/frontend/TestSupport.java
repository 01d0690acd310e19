package dev.mmlint.frontend;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.IQualifierType;

final class TestSupport {
    private TestSupport() {}

    static Path root() {
        return dev.mmlint.frontend.testing.RepoRoot.path();
    }

    static Path fixture(String name) { return root().resolve("test-fixtures/frontend").resolve(name); }

    /** The 6.12 (or 6.1) tree; fails under CI=true when missing, else skips naming the script. */
    static Path kernel(String version) { return dev.mmlint.frontend.testing.KernelTestTrees.tree(version); }

    static Path kernelConfig(String version) {
        return dev.mmlint.frontend.testing.KernelTestTrees.debianConfig(version);
    }

    /** Problem nodes (syntax) located in the translation unit's own file. */
    static List<IASTProblem> mainFileProblems(IASTTranslationUnit tu) {
        List<IASTProblem> out = new ArrayList<>();
        ASTVisitor v = new ASTVisitor(false) {
            { shouldVisitProblems = true; shouldVisitDeclarations = true; }
            @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTDeclaration d) {
                return dev.mmlint.frontend.internal.Coverage.inMainFile(d, tu.getFilePath()) ? PROCESS_CONTINUE : PROCESS_SKIP;
            }
            @Override public int visit(IASTProblem p) { out.add(p); return PROCESS_CONTINUE; }
        };
        tu.accept(v);
        return out;
    }

    static IType unwrap(IType t) {
        while (t instanceof ITypedef || t instanceof IQualifierType) {
            t = t instanceof ITypedef td ? td.getType() : ((IQualifierType) t).getType();
        }
        return t;
    }

    static String where(IASTNode n) {
        var l = n.getFileLocation();
        return l == null ? "?" : l.getFileName() + ":" + l.getStartingLineNumber();
    }

    static boolean isProblem(IBinding b) { return b instanceof org.eclipse.cdt.core.dom.ast.IProblemBinding; }
}
