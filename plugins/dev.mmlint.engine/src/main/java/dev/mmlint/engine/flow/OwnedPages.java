package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.name;
import static dev.mmlint.engine.flow.Ast.strip;

import dev.mmlint.engine.knowledge.ApiKnowledge;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;

/**
 * The page variables a function gives an identity to: those through which it stores a head-only field
 * ({@code page->mapping = mapping; page->index = index;}, or clears them). Only a page's owner does that:
 * the page cache and the anonymous rmap for their pages, and code that manages memory of its own page by
 * page (DAX entries, a deferred-I/O framebuffer, a driver's reserved region): it allocated the memory and
 * knows whether it is compound. So a tail page there is no hazard the function can be told about: its
 * stores and its reads of those fields through the same variable are the owner's and are not judged as
 * reads of a possibly-tail page (MM002), and teach its callers no head requirement. A read through a
 * variable the function never stores through is judged as before. Pure syntax over the function body and
 * the model's list of head-only fields; nothing here names a kernel function. A static helper the owner
 * hands the page to owns it too where every caller does ({@link CallerContext#owned()}).
 */
final class OwnedPages {
    private OwnedPages() {}

    static Set<String> of(IASTFunctionDefinition fn, ApiKnowledge kb) {
        Set<String> owned = new HashSet<>();
        if (fn == null || fn.getBody() == null) return owned;
        fn.getBody().accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b && Ast.isAssignment(b.getOperator())
                        && strip(b.getOperand1()) instanceof IASTFieldReference f && f.isPointerDereference()
                        && kb.headOnlyField(f.getFieldName().toString()).isPresent()) {
                    String base = name(strip(f.getFieldOwner()));
                    if (base != null) owned.add(base);
                }
                return PROCESS_CONTINUE;
            }
        });
        return owned;
    }

}
