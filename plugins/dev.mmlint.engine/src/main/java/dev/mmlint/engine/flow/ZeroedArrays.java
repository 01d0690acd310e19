package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.strip;

import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * Local page arrays whose every value in the function is memory a {@code zero_filled} allocator returned
 * ({@code pages = kcalloc(n, sizeof(*pages), GFP_KERNEL)}): an entry nothing stored into is NULL, so after a
 * short get_user_pages*() the entries past the count taken are NULL, and a release of an entry under a
 * non-NULL test of that entry ({@code if (pages[i]) put_page(pages[i])}) releases only pages GUP took, even
 * in a walk up to the number asked for (MM007).
 */
final class ZeroedArrays {
    private ZeroedArrays() {}

    /** The local page arrays of {@code fn} assigned only zero-filled memory (and NULL). */
    static Set<String> of(IASTFunctionDefinition fn, Transfer.FunctionFacts facts, ApiKnowledge kb) {
        Set<String> zeroed = new HashSet<>(), other = new HashSet<>();
        if (fn == null || fn.getBody() == null) return zeroed;
        Ast.forEachDefinition(fn.getBody(), (var, v) -> {
            if (var == null || !facts.localArrays().contains(var)) return;
            IASTExpression x = strip(v);
            if (x instanceof IASTLiteralExpression || x instanceof IASTIdExpression id && "NULL".equals(id.getName().toString())) return;
            // the allocator as written: a call, or a macro invocation (6.10+ kcalloc() expands to kmalloc_array())
            java.util.regex.Matcher m = CALLEE.matcher(v.getRawSignature());
            String callee = x instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression fid
                    ? fid.getName().toString() : null;
            if (zeroFilling(kb, callee) || m.lookingAt() && zeroFilling(kb, m.group(1))) { zeroed.add(var); return; }
            other.add(var);
        });
        zeroed.removeAll(other);
        return zeroed;
    }

    private static final java.util.regex.Pattern CALLEE = java.util.regex.Pattern.compile("\\s*(?:\\(\\s*struct\\s+page\\s*\\*\\s*\\*\\s*\\)\\s*)?([A-Za-z_]\\w*)\\s*\\(");

    private static boolean zeroFilling(ApiKnowledge kb, String fn) {
        if (fn == null) return false;
        Optional<ApiEffect> ef = kb.call(fn);
        return ef.isPresent() && ef.get().result() == ApiEffect.Result.ZERO_FILLED;
    }

    /**
     * Whether the release whose argument is {@code arg}, the entry {@code array[i]} (or a page variable
     * {@code page} read from it), runs only where a test of that same entry or variable found it non-NULL:
     * inside the then-branch of {@code if (array[i])}, {@code if (array[i] != NULL)} or {@code if (page)}.
     */
    static boolean nonNullGuarded(IASTExpression arg) {
        if (arg == null) return false;
        String entry = text(strip(arg));
        for (IASTNode p = arg.getParent(), child = arg; p != null; child = p, p = p.getParent()) {
            if (p instanceof IASTFunctionDefinition) return false;
            if (p instanceof IASTIfStatement s && s.getThenClause() == child && tests(s.getConditionExpression(), entry)) return true;
        }
        return false;
    }

    private static boolean tests(IASTExpression cond, String entry) {
        IASTExpression c = strip(cond);
        if (c == null) return false;
        if (entry.equals(text(c))) return true;
        if (c instanceof IASTBinaryExpression b) {
            if (b.getOperator() == IASTBinaryExpression.op_logicalAnd) return tests(b.getOperand1(), entry) || tests(b.getOperand2(), entry);
            if (b.getOperator() == IASTBinaryExpression.op_notequals)
                return entry.equals(text(strip(b.getOperand1()))) && Ast.isNull(b.getOperand2())
                        || entry.equals(text(strip(b.getOperand2()))) && Ast.isNull(b.getOperand1());
        }
        return false;
    }

    private static String text(IASTExpression e) {
        if (e == null) return "";
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) return text(u.getOperand());
        return e.getRawSignature().replaceAll("\\s+", "");
    }
}
