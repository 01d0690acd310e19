package dev.mmlint.frontend;

import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;

/** C type questions the front end and the engine both ask of CDT's types. */
public final class CTypes {
    private CTypes() {}

    /**
     * {@code t} with its typedefs and qualifiers peeled off ({@code const pte_t} → the struct behind
     * {@code pte_t}); bounded, since a broken translation unit can make CDT's chains cyclic.
     */
    public static IType strip(IType t) {
        for (int i = 0; i < 16 && t != null; i++) {
            if (t instanceof ITypedef td) t = td.getType();
            else if (t instanceof IQualifierType q) t = q.getType();
            else break;
        }
        return t;
    }
}
