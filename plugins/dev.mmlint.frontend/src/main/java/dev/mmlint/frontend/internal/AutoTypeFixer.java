package dev.mmlint.frontend.internal;

import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.c.ICNodeFactory;
import org.eclipse.cdt.internal.core.dom.parser.ASTNode;
import org.eclipse.cdt.internal.core.dom.parser.c.CNodeFactory;

/**
 * GCC's {@code __auto_type x = e;} (the kernel's {@code auto}, used by min/max, cleanup guards and
 * READ_ONCE helpers) is unknown to CDT, which takes {@code __auto_type} for an undeclared typedef
 * name and gives {@code x} a problem type. This pass rewrites such declarations, before any binding
 * is resolved, to {@code typeof(e) x = e;} (a copy of the initializer, same locations) - what GCC
 * deduces, except that an array or function initializer is not decayed to a pointer.
 *
 * <p>A declaration whose initializer names the variable itself ({@code __auto_type y = !y;}, which GCC
 * rejects: the type cannot be deduced from the variable being declared) is left alone: rewritten, the
 * copy's {@code typeof} would name a variable whose type is that very {@code typeof}, and CDT's type
 * computation would recurse until the stack runs out. Left alone, the variable keeps a problem type.
 */
final class AutoTypeFixer {
    private static final String AUTO = "__auto_type";

    private AutoTypeFixer() {}

    static void fix(IASTTranslationUnit tu, boolean mainFileOnly) {
        String path = tu.getFilePath();
        ICNodeFactory nf = CNodeFactory.getDefault();
        tu.accept(new ASTVisitor(false) {
            { shouldVisitDeclarations = true; }
            @Override public int visit(IASTDeclaration d) {
                if (mainFileOnly && d.getParent() == tu && !Coverage.inMainFile(d, path)) return PROCESS_SKIP;
                if (d instanceof IASTSimpleDeclaration sd) rewrite(sd, nf);
                return PROCESS_CONTINUE;
            }
        });
    }

    private static void rewrite(IASTSimpleDeclaration sd, ICNodeFactory nf) {
        IASTDeclSpecifier spec = sd.getDeclSpecifier();
        if (!(spec instanceof IASTNamedTypeSpecifier named) || !AUTO.equals(named.getName().toString())) return;
        IASTDeclarator[] ds = sd.getDeclarators();
        if (ds.length != 1 || !(ds[0].getInitializer() instanceof IASTEqualsInitializer init)
                || !(init.getInitializerClause() instanceof IASTExpression e)) return;
        if (names(e, ds[0].getName().toString())) return;
        IASTExpression copy = e.copy(IASTNode.CopyStyle.withLocations);
        IASTSimpleDeclSpecifier typeOf = nf.newSimpleDeclSpecifier();
        typeOf.setType(IASTSimpleDeclSpecifier.t_typeof);
        typeOf.setDeclTypeExpression(copy);
        typeOf.setStorageClass(spec.getStorageClass());
        typeOf.setConst(spec.isConst());
        typeOf.setVolatile(spec.isVolatile());
        ((ASTNode) typeOf).setOffsetAndLength((ASTNode) spec);
        sd.setDeclSpecifier(typeOf);
    }

    /** Whether {@code e} contains an identifier expression spelled {@code name}. */
    private static boolean names(IASTExpression e, String name) {
        boolean[] found = {false};
        e.accept(new ASTVisitor(false) {
            { shouldVisitExpressions = true; }
            @Override public int visit(IASTExpression x) {
                if (x instanceof IASTIdExpression id && name.equals(id.getName().toString())) {
                    found[0] = true;
                    return PROCESS_ABORT;
                }
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }
}
