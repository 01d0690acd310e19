package dev.mmlint.frontend.internal;

import dev.mmlint.frontend.CTypes;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.ICompositeType;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IType;

/**
 * The names a lone fragment uses that only the rest of the kernel declares, as a kernel developer reads
 * them: an undeclared identifier is a constant, global or function declared elsewhere (a call of it is an
 * external call returning an int-like value, which CDT binds as an implicit function); a variable of a type
 * the fragment does not define holds an opaque value; a field of a struct that is not defined in sight (an
 * incomplete struct, or an owner of unknown type) is an opaque value read from its evaluated base. None of
 * them is a page unless its type says so, and nothing about them is assumed. The analysis sees through them
 * whole, so such a function is not PARTIAL; its coverage notes what was inferred. The prelude declares the
 * other kernel structs it knows (task_struct, mm_struct) with the fields mm code needs, not all of theirs:
 * a field it lacks there is inferred too. A field that does not resolve on struct page or struct folio
 * (the prelude carries their real fields) or on a struct the fragment defines itself stays a problem.
 */
final class InferredNames {
    private InferredNames() {}

    /** How a note on inferred names starts (the function itself is CLEAN). */
    static final String PREFIX = "names inferred (declared outside the fragment): ";

    /** Whether the field's owner is of a type that is not defined in sight (unknown, or an incomplete struct). */
    static boolean opaqueOwner(IASTFieldReference f) {
        try {
            IType t = CTypes.strip(f.getFieldOwner().getExpressionType());
            if (f.isPointerDereference()) t = t instanceof IPointerType p ? CTypes.strip(p.getType()) : null;
            if (!(t instanceof ICompositeType ct)) return true; // a problem type: the owner's type is not known
            // struct page and struct folio carry their real fields in the prelude: a field they lack is a problem
            if (ct.getName().equals("page") || ct.getName().equals("folio")) return false;
            IField[] fields = ct.getFields();
            // incomplete (defined elsewhere), or a struct the prelude declares only in part (task_struct)
            return fields.length == 0 || fields[0] instanceof IProblemBinding || builtin(ct);
        } catch (RuntimeException e) {
            return true; // the parser cannot type the owner: not known either
        }
    }

    /** A struct the fragment prelude defines (its fields there are the ones mm code needs, not all of them). */
    private static boolean builtin(ICompositeType ct) {
        if (!(ct instanceof org.eclipse.cdt.internal.core.dom.parser.c.CStructure s)) return false;
        org.eclipse.cdt.core.dom.ast.IASTNode def = s.getPhysicalNode();
        var loc = def == null ? null : def.getFileLocation();
        return loc != null && loc.getFileName().endsWith("mmlint-builtin.h");
    }
}
