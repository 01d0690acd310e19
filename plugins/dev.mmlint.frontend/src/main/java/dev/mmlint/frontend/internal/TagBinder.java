package dev.mmlint.frontend.internal;

import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTElaboratedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTEnumerationSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IScope;
import org.eclipse.cdt.core.dom.ast.ICompositeType;
import org.eclipse.cdt.core.dom.ast.IEnumeration;

/**
 * Gives struct, union and enum tags their C file scope before anything else is resolved. Two CDT
 * behaviours make a tag that is defined at file scope come out incomplete or as a problem type:
 *
 * <ul>
 * <li>A reference that comes before the definition is bound to a new incomplete type, and CDT
 * finds the definition later only when the reference is a member of a struct at file level; for a
 * member of an anonymous struct or union nested in a struct (the kernel's {@code struct page}
 * holds {@code struct dev_pagemap *pgmap} three levels down) it never does, so
 * {@code page->pgmap->ops} did not resolve. Binding every file-scope definition first fixes this:
 * CDT then attaches later references to that binding, whatever the nesting. (A plain CDT parse
 * gets the same result whenever code happens to touch the definition first.)
 * <li>A tag in a function prototype's parameter list is looked up only among declarations that
 * precede it; if the first file-scope declaration comes later, the parameter gets a problem type
 * ({@code unsigned long hugetlb_mask_last_page(struct hstate *h);} precedes
 * {@code struct hstate {...}} in linux/hugetlb.h, and the definition's parameter {@code h} inherits
 * the prototype's type). GCC would give such a tag prototype scope and warn, which kernel code
 * never does, so such a tag is the file-scope one: it is bound to the file-scope tag of that name
 * when there is one.
 * </ul>
 *
 * The result no longer depends on the order in which names get resolved, nor on whether a
 * declaration that mentions the tag earlier is present (so a parse with pruned headers binds tags
 * exactly as a full one).
 */
final class TagBinder {
    private TagBinder() {}

    static void bind(IASTTranslationUnit tu) {
        IASTDeclaration[] decls = tu.getDeclarations();
        for (IASTDeclaration d : decls) {
            if (d instanceof IASTSimpleDeclaration sd) definitions(sd.getDeclSpecifier(), sd.getDeclarators().length == 0);
        }
        IScope file = tu.getScope();
        ASTVisitor params = new ASTVisitor(false) {
            {
                shouldVisitParameterDeclarations = true;
                shouldVisitStatements = true;
            }

            @Override public int visit(IASTStatement s) { return PROCESS_SKIP; }

            @Override public int visit(IASTParameterDeclaration p) {
                if (p.getDeclSpecifier() instanceof IASTElaboratedTypeSpecifier es) fileScopeTag(es, file);
                return PROCESS_CONTINUE;
            }
        };
        for (IASTDeclaration d : decls) d.accept(params);
    }

    /** Binds definitions, and forward declarations ({@code struct x;}), recursively through members. */
    private static void definitions(IASTDeclSpecifier spec, boolean alone) {
        if (spec instanceof IASTCompositeTypeSpecifier cs) {
            resolve(cs.getName());
            for (IASTDeclaration m : cs.getMembers()) {
                if (m instanceof IASTSimpleDeclaration sd) definitions(sd.getDeclSpecifier(), false);
            }
        } else if (spec instanceof IASTEnumerationSpecifier es) {
            resolve(es.getName());
        } else if (alone && spec instanceof IASTElaboratedTypeSpecifier es) {
            resolve(es.getName());
        }
    }

    private static void fileScopeTag(IASTElaboratedTypeSpecifier es, IScope file) {
        IASTName n = es.getName();
        if (n == null || n.toCharArray().length == 0 || n.getBinding() != null) return;
        try {
            IBinding b = file.getBinding(n, false);
            boolean sameKind = es.getKind() == IASTElaboratedTypeSpecifier.k_enum ? b instanceof IEnumeration
                    : b instanceof ICompositeType;
            if (sameKind) n.setBinding(b);
        } catch (RuntimeException e) {
            // leave it to CDT
        }
    }

    private static void resolve(IASTName n) {
        if (n == null || n.toCharArray().length == 0) return;
        try {
            n.resolveBinding();
        } catch (RuntimeException e) {
            // leave it to lazy resolution
        }
    }
}
