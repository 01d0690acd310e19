package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.name;
import static dev.mmlint.engine.flow.Ast.strip;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTTypeUtil;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IType;

/**
 * Whether a mapping a function hands to a page cache lookup is one of its own file system's: read from an
 * object's field ({@code inode->i_mapping}, {@code file->f_mapping}, {@code page->mapping}, {@code rac->mapping})
 * through variables and fields only, with no block device on the way (a block device's mapping belongs to the
 * block layer, not to the file system that reads it); or a variable every definition of which is one; or a
 * parameter of a {@code static} function (a callback or helper of the file system itself). A parameter of a
 * function other units may call, a call's result or anything else may be another owner's mapping.
 */
final class OwnMappings {
    private OwnMappings() {}

    /** Whether {@code e}, an argument inside {@code at}'s function, is a mapping of the analysed file's own file system. */
    static boolean own(IASTExpression e, IASTNode at, Transfer.FunctionFacts facts) {
        IASTFunctionDefinition fn = Ast.enclosingFunction(at);
        return fn != null && own(e, fn, facts, 0);
    }

    private static boolean own(IASTExpression e, IASTFunctionDefinition fn, Transfer.FunctionFacts facts, int depth) {
        IASTExpression s = strip(e);
        if (s == null || depth > 4 || blockDevice(s)) return false;
        if (s instanceof IASTFieldReference f) return objectChain(f.getFieldOwner());
        if (!(s instanceof IASTIdExpression)) return false;
        String v = name(s);
        List<IASTExpression> defs = new ArrayList<>();
        if (fn.getBody() != null) Ast.forEachDefinition(fn.getBody(), (var, value) -> { if (v.equals(var)) defs.add(value); });
        boolean param = facts.params().containsKey(v);
        if (param && fn.getDeclSpecifier().getStorageClass() != IASTDeclSpecifier.sc_static) return false;
        if (!param && defs.isEmpty()) return false;
        for (IASTExpression d : defs) if (!own(d, fn, facts, depth + 1)) return false;
        return true;
    }

    /** An object reached through variables and fields only (inode, BTRFS_I(inode)->vfs_inode is not: a call). */
    private static boolean objectChain(IASTExpression e) {
        IASTExpression s = strip(e);
        if (s == null || blockDevice(s)) return false;
        if (s instanceof IASTIdExpression) return true;
        if (s instanceof IASTFieldReference f) return objectChain(f.getFieldOwner());
        if (s instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression u
                && (u.getOperator() == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_amper
                    || u.getOperator() == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_star)) return objectChain(u.getOperand());
        return false;
    }

    /** Whether the expression is (a pointer to) a struct block_device, as far as its type resolves. */
    private static boolean blockDevice(IASTExpression e) {
        try {
            IType t = e.getExpressionType();
            return t != null && ASTTypeUtil.getType(t).contains("block_device");
        } catch (RuntimeException x) {
            return false;
        }
    }

}
