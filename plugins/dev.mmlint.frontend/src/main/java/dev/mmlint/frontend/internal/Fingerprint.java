package dev.mmlint.frontend.internal;

import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTTypeUtil;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IEnumerator;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.IVariable;

/**
 * What the analysis sees of one parsed file, as text, for checking that a front-end optimisation
 * changes nothing: the function coverage (names, lines, statuses, reasons), the problems reported,
 * the number of problem nodes in the file, the unit's extent and the macro expansions, macro
 * definitions and includes the preprocessor recorded, and - for {@link Depth#DEEP} - each of
 * those expansions and includes, and for every name in the main file's function definitions the
 * kind of binding it resolves to and its type, and the type of every expression. Two parses of the same file are equivalent when their fingerprints are equal.
 */
public final class Fingerprint {
    public enum Depth { COVERAGE, DEEP }

    private Fingerprint() {}

    public static List<String> of(ParsedUnit u, Depth depth) {
        List<String> out = new ArrayList<>();
        for (FunctionCoverage c : u.coverage()) out.add("cov " + c.name() + ":" + c.line() + " " + c.status() + " " + c.reasons());
        for (Diagnostic d : u.problems()) out.add("diag " + d);
        out.add("problem nodes " + Coverage.countProblemNodes(u.ast()));
        var tu = u.ast();
        IASTFileLocation tl = tu.getFileLocation();
        out.add("unit " + (tl == null ? "no location" : tl.getNodeOffset() + "+" + tl.getNodeLength()));
        out.add("macro definitions " + tu.getMacroDefinitions().length);
        List<String> expansions = new ArrayList<>();
        for (var e : tu.getMacroExpansions()) {
            IASTFileLocation l = e.getFileLocation();
            if (l != null && tu.getFilePath().equals(l.getFileName()))
                expansions.add(e.getMacroReference() + "@" + l.getNodeOffset() + "+" + l.getNodeLength() + " " + e.getNestedMacroReferences().length);
        }
        out.add("macro expansions in the file " + expansions.size());
        List<String> includes = new ArrayList<>();
        for (var i : tu.getIncludeDirectives()) {
            IASTFileLocation l = i.getFileLocation();
            if (l != null && tu.getFilePath().equals(l.getFileName())) includes.add(i.getName() + " -> " + i.getPath() + " " + i.isResolved());
        }
        out.add("includes in the file " + includes.size());
        if (depth == Depth.DEEP) {
            for (String e : expansions) out.add("expansion " + e);
            for (String i : includes) out.add("include " + i);
            for (IASTFunctionDefinition fd : u.functions()) {
                fd.accept(new ASTVisitor(false) {
                    {
                        shouldVisitNames = true;
                        shouldVisitExpressions = true;
                    }

                    @Override public int visit(IASTName n) {
                        IBinding b;
                        try {
                            b = n.resolveBinding();
                        } catch (RuntimeException e) {
                            out.add("name " + at(n) + " " + n + " threw " + e.getClass().getSimpleName());
                            return PROCESS_CONTINUE;
                        }
                        out.add("name " + at(n) + " " + n + " -> " + describe(b));
                        return PROCESS_CONTINUE;
                    }

                    @Override public int visit(IASTExpression e) {
                        String t;
                        try {
                            t = type(e.getExpressionType());
                        } catch (RuntimeException x) {
                            t = "threw " + x.getClass().getSimpleName();
                        }
                        out.add("expr " + at(e) + " " + t);
                        return PROCESS_CONTINUE;
                    }
                });
            }
        }
        return out;
    }

    /** The kind of a binding and, for typed ones, its type; for struct page pointers this reads "page *". */
    static String describe(IBinding b) {
        if (b == null) return "null";
        String kind = b.getClass().getSimpleName();
        try {
            if (b instanceof IVariable v) return kind + " " + type(v.getType());
            if (b instanceof IFunction f) return kind + " " + type(f.getType());
            if (b instanceof ITypedef t) return kind + " " + type(t.getType());
            if (b instanceof IEnumerator en) return kind + " " + type(en.getType());
        } catch (RuntimeException e) {
            return kind + " threw " + e.getClass().getSimpleName();
        }
        return kind;
    }

    static String type(IType t) {
        return t == null ? "null" : ASTTypeUtil.getType(t) + " [" + t.getClass().getSimpleName() + "]";
    }

    private static String at(IASTNode n) {
        IASTFileLocation l = n.getFileLocation();
        return l == null ? "?" : l.getNodeOffset() + "+" + l.getNodeLength();
    }

    /** The first difference between two fingerprints, or null when equal. */
    public static String firstDifference(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++)
            if (!a.get(i).equals(b.get(i))) return "line " + i + ":\n  - " + a.get(i) + "\n  + " + b.get(i);
        if (a.size() != b.size()) return "lengths " + a.size() + " vs " + b.size() + (n < a.size() ? ": - " + a.get(n) : ": + " + b.get(n));
        return null;
    }
}
