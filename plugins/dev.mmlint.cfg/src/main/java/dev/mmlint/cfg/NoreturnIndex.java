package dev.mmlint.cfg;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.cdt.core.dom.ast.IASTAttribute;
import org.eclipse.cdt.core.dom.ast.IASTAttributeList;
import org.eclipse.cdt.core.dom.ast.IASTAttributeOwner;
import org.eclipse.cdt.core.dom.ast.IASTAttributeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * Which functions a translation unit declares at file scope with {@code __attribute__((noreturn))} (or
 * {@code __noreturn__}), on the declaration specifiers or on a declarator. Name-based (a local shadowing declaration
 * is not seen) and without binding resolution, which costs more than building all the graphs. Per translation unit,
 * one pass indexes the file-scope function declarations by name (kernel units with their headers have ~16,000);
 * attributes are read only for the names asked about, and the answers are kept.
 */
final class NoreturnIndex {

    private static final Map<IASTTranslationUnit, NoreturnIndex> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Positions in {@code getDeclarations()} of the declarations of each function name (no AST references). */
    private final Map<String, int[]> positions;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    private NoreturnIndex(Map<String, int[]> positions) {
        this.positions = positions;
    }

    static NoreturnIndex of(IASTTranslationUnit tu) {
        NoreturnIndex idx = CACHE.get(tu);
        if (idx == null) {
            idx = new NoreturnIndex(index(tu.getDeclarations()));
            CACHE.put(tu, idx);
        }
        return idx;
    }

    boolean isNoreturn(IASTTranslationUnit tu, String name) {
        Boolean known = answers.get(name);
        if (known != null) {
            return known;
        }
        boolean r = false;
        int[] at = positions.get(name);
        if (at != null) {
            IASTDeclaration[] decls = tu.getDeclarations();
            for (int i : at) {
                if (i < decls.length && declaresNoreturn(decls[i], name)) {
                    r = true;
                    break;
                }
            }
        }
        answers.put(name, r);
        return r;
    }

    private static Map<String, int[]> index(IASTDeclaration[] decls) {
        Map<String, int[]> m = new HashMap<>(decls.length * 2);
        for (int i = 0; i < decls.length; i++) {
            IASTDeclaration d = decls[i];
            if (d instanceof IASTSimpleDeclaration sd) {
                for (IASTDeclarator dcl : sd.getDeclarators()) {
                    add(m, functionName(dcl), i);
                }
            } else if (d instanceof IASTFunctionDefinition fd && fd.getDeclarator() != null) {
                add(m, functionName(fd.getDeclarator()), i);
            }
        }
        return m;
    }

    private static void add(Map<String, int[]> m, String name, int i) {
        if (name == null) {
            return;
        }
        int[] a = m.get(name);
        if (a == null) {
            m.put(name, new int[] {i});
        } else if (a[a.length - 1] != i) {
            int[] b = Arrays.copyOf(a, a.length + 1);
            b[a.length] = i;
            m.put(name, b);
        }
    }

    /** The declared name when the declarator declares a function (not a pointer to one), else null. */
    private static String functionName(IASTDeclarator dcl) {
        IASTDeclarator d = dcl;
        while (d.getNestedDeclarator() != null) {
            d = d.getNestedDeclarator();
        }
        return d instanceof IASTFunctionDeclarator && d.getName() != null ? d.getName().toString() : null;
    }

    private static boolean declaresNoreturn(IASTDeclaration d, String name) {
        IASTDeclSpecifier spec;
        IASTDeclarator[] dcls;
        if (d instanceof IASTSimpleDeclaration sd) {
            spec = sd.getDeclSpecifier();
            dcls = sd.getDeclarators();
        } else if (d instanceof IASTFunctionDefinition fd) {
            spec = fd.getDeclSpecifier();
            dcls = new IASTDeclarator[] {fd.getDeclarator()};
        } else {
            return false;
        }
        for (IASTDeclarator dcl : dcls) {
            if (dcl == null || !name.equals(functionName(dcl))) {
                continue;
            }
            if (hasNoreturn(spec)) {
                return true;
            }
            for (IASTDeclarator x = dcl; x != null; x = x.getNestedDeclarator()) {
                if (hasNoreturn(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasNoreturn(IASTAttributeOwner owner) {
        if (owner == null) {
            return false;
        }
        for (IASTAttributeSpecifier spec : owner.getAttributeSpecifiers()) {
            if (spec instanceof IASTAttributeList list) {
                for (IASTAttribute a : list.getAttributes()) {
                    String n = new String(a.getName());
                    if (n.equals("noreturn") || n.equals("__noreturn__")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
