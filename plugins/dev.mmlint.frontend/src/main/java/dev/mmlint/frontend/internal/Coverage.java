package dev.mmlint.frontend.internal;

import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTProblemDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IProblemType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;

/**
 * Coverage honesty: finds the function definitions of the main file and classifies each.
 * PARTIAL names every construct the analysis cannot see through, with its line: syntax problem
 * nodes, locals/parameters whose type is a problem, identifiers and fields that do not resolve.
 * SKIPPED: a function whose text ended up inside a problem declaration (unbalanced braces, code
 * CDT could not parse), found by looking for a function head in the problem's raw text.
 */
public final class Coverage {
    private Coverage() {}

    /**
     * @param doubt null when nothing in the main file failed to resolve or parse: every function is
     *              clean, no declaration is a problem, every name outside functions resolves and no
     *              function is called without a declaration; else the first thing that did not. A
     *              parse with pruned headers is trusted only when there is no doubt.
     */
    public record Result(List<IASTFunctionDefinition> functions, List<FunctionCoverage> coverage,
                         List<Diagnostic> problems, String doubt, DoubtNames doubtNames) {
        public boolean certain() { return doubt == null; }
    }

    /**
     * The names whose lack of a declaration explains every doubt of a parse (an undeclared name, a
     * called function without a declaration, a field no struct in sight has, a typedef name that does
     * not resolve), or {@code nameless}: some doubt has another cause (a syntax problem, a problem
     * declaration, a declaration that does not resolve, an unknown type not named by a typedef).
     * With pruned headers, a doubt whose names no dropped declaration spells is one a full parse has
     * too: a declaration of a name spells it.
     */
    public record DoubtNames(java.util.Set<String> names, boolean nameless) {}

    private static final int MAX_REASONS = 8;

    public static Result analyse(IASTTranslationUnit tu, SourceText text, String display, boolean fragment) {
        List<IASTFunctionDefinition> fns = new ArrayList<>();
        List<FunctionCoverage> cov = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        String tuPath = tu.getFilePath();
        int headerProblemDecls = 0;
        String doubt = null;
        Set<String> doubtNames = new LinkedHashSet<>();
        boolean nameless = false;
        for (IASTDeclaration d : tu.getDeclarations()) {
            if (!inMainFile(d, tuPath)) {
                if (d instanceof IASTProblemDeclaration) headerProblemDecls++;
                continue;
            }
            if (d instanceof IASTFunctionDefinition fd) {
                fns.add(fd);
                ProblemFinder pf = new ProblemFinder(text, true, fragment);
                FunctionCoverage fc = classify(fd, text, pf);
                cov.add(fc);
                if (doubt == null && (fc.status() != FunctionCoverage.Status.CLEAN || !pf.inferred.isEmpty())) doubt = fc.name() + ": " + fc.reasons();
                if (doubt == null && pf.implicitCalls > 0) doubt = fc.name() + ": calls " + pf.implicit;
                doubtNames.addAll(pf.doubtNames);
                nameless |= pf.nameless || fc.reasons().stream().anyMatch(x -> x.contains("unbalanced braces"));
            } else if (d instanceof IASTProblemDeclaration pd) {
                if (doubt == null) doubt = "problem declaration at line " + text.line(offset(pd));
                nameless = true;
                int off = offset(pd);
                String raw = rawText(pd, text);
                problems.add(new Diagnostic(display, text.line(off), text.column(off), Diagnostic.Severity.WARNING,
                        "could not parse declaration: " + snippet(raw)));
                for (FunctionCoverage s : skippedIn(raw, off, text)) cov.add(s);
            } else {
                ProblemFinder pf = new ProblemFinder(text, false, false);
                d.accept(pf);
                for (String r : pf.reasons)
                    problems.add(new Diagnostic(display, 0, 0, Diagnostic.Severity.WARNING, "problem in declaration: " + r));
                if (doubt == null && !pf.reasons.isEmpty()) doubt = "declaration: " + pf.reasons;
                if (!pf.reasons.isEmpty()) nameless = true;
                ProblemFinder names = new ProblemFinder(text, true, false);
                d.accept(names);
                if (doubt == null) {
                    if (!names.reasons.isEmpty()) doubt = "declaration: " + names.reasons;
                    else if (names.implicitCalls > 0) doubt = "declaration calls " + names.implicit;
                }
                doubtNames.addAll(names.doubtNames);
                nameless |= names.nameless;
            }
        }
        for (IASTProblem p : tu.getPreprocessorProblems()) {
            IASTFileLocation loc = p.getFileLocation();
            if (loc == null || !tuPath.equals(loc.getFileName())) continue;
            boolean include = p.getID() == IASTProblem.PREPROCESSOR_INCLUSION_NOT_FOUND;
            if (include && fragment) continue; // fragments: an unresolved include is skipped by design
            int off = loc.getNodeOffset();
            problems.add(new Diagnostic(display, text.line(off), text.column(off),
                    include ? Diagnostic.Severity.WARNING : Diagnostic.Severity.WARNING,
                    "preprocessor: " + p.getMessage()));
        }
        if (headerProblemDecls > 0)
            problems.add(new Diagnostic(display, 0, 0, Diagnostic.Severity.NOTE,
                    headerProblemDecls + " declaration(s) in included headers could not be parsed"));
        cov.sort(java.util.Comparator.comparingInt(FunctionCoverage::line));
        return new Result(List.copyOf(fns), List.copyOf(cov), List.copyOf(problems), doubt,
                new DoubtNames(java.util.Collections.unmodifiableSet(doubtNames), nameless));
    }

    public static String functionName(IASTFunctionDefinition fd) {
        IASTDeclarator d = fd.getDeclarator();
        while (d.getNestedDeclarator() != null && d.getName().toCharArray().length == 0) d = d.getNestedDeclarator();
        return d.getName().toString();
    }

    static FunctionCoverage classify(IASTFunctionDefinition fd, SourceText text) {
        return classify(fd, text, new ProblemFinder(text, true, false));
    }

    private static FunctionCoverage classify(IASTFunctionDefinition fd, SourceText text, ProblemFinder pf) {
        IASTDeclarator d = fd.getDeclarator();
        while (d.getNestedDeclarator() != null && d.getName().toCharArray().length == 0) d = d.getNestedDeclarator();
        int line = text.line(offset(d.getName()));
        fd.getDeclarator().accept(pf);
        if (fd.getBody() != null) fd.getBody().accept(pf);
        List<String> reasons = new ArrayList<>();
        if (fd.getBody() != null) {
            IASTFileLocation bl = fd.getBody().getFileLocation();
            boolean toEof = bl != null && text.content().substring(Math.min(text.content().length(),
                    bl.getNodeOffset() + bl.getNodeLength())).isBlank();
            if (toEof && !rawText(fd.getBody(), text).strip().endsWith("}"))
                reasons.add("line " + line + ": body not closed before the end of the file (unbalanced braces)");
        }
        reasons.addAll(pf.reasons);
        boolean clean = reasons.isEmpty();
        if (clean && !pf.inferred.isEmpty()) {
            // a fragment's names declared elsewhere in the kernel: analysed as opaque values, noted
            List<String> names = new ArrayList<>(pf.inferred);
            String more = names.size() > MAX_REASONS ? "; and " + (names.size() - MAX_REASONS) + " more" : "";
            reasons.add(InferredNames.PREFIX + String.join("; ", names.subList(0, Math.min(MAX_REASONS, names.size()))) + more);
        } else if (!clean) {
            reasons.addAll(pf.inferred);
        }
        if (reasons.size() > MAX_REASONS) {
            int more = reasons.size() - MAX_REASONS;
            reasons = new ArrayList<>(reasons.subList(0, MAX_REASONS));
            reasons.add("and " + more + " more");
        }
        return new FunctionCoverage(d.getName().toString(), line,
                clean ? FunctionCoverage.Status.CLEAN : FunctionCoverage.Status.PARTIAL, List.copyOf(reasons));
    }

    private static final Pattern HEAD = Pattern.compile(
            "(?m)^[A-Za-z_][\\w \\t\\*]*?\\b([A-Za-z_]\\w*)\\s*\\([^;{}]*\\)\\s*(?:\\b[\\w()]+\\s*)*\\{");

    /** Function heads inside a problem declaration's raw text: their bodies could not be parsed. */
    static List<FunctionCoverage> skippedIn(String raw, int start, SourceText text) {
        List<FunctionCoverage> out = new ArrayList<>();
        Matcher m = HEAD.matcher(raw);
        while (m.find()) {
            String name = m.group(1);
            if (Set.of("if", "for", "while", "switch", "return", "sizeof").contains(name)) continue;
            int line = text.line(start + m.start(1));
            out.add(new FunctionCoverage(name, line, FunctionCoverage.Status.SKIPPED,
                    List.of(FunctionCoverage.SKIPPED_REASON_PREFIX + " CDT could not parse (lines " + text.line(start) + "-"
                            + text.line(start + Math.max(0, raw.length() - 1)) + ")")));
        }
        return out;
    }

    /** IASTProblem nodes (syntax and preprocessor) located in the main file. */
    public static int countProblemNodes(IASTTranslationUnit tu) {
        String path = tu.getFilePath();
        int[] n = {0};
        ASTVisitor v = new ASTVisitor(false) {
            { shouldVisitProblems = true; shouldVisitDeclarations = true; }
            @Override public int visit(IASTDeclaration d) { return inMainFile(d, path) ? PROCESS_CONTINUE : PROCESS_SKIP; }
            @Override public int visit(IASTProblem p) { n[0]++; return PROCESS_CONTINUE; }
        };
        tu.accept(v);
        for (IASTProblem p : tu.getPreprocessorProblems()) {
            IASTFileLocation l = p.getFileLocation();
            if (l != null && path.equals(l.getFileName())) n[0]++;
        }
        return n[0];
    }

    /** True for nodes of the main file itself (CDT also counts forced includes as part of the TU file). */
    public static boolean inMainFile(IASTNode n, String tuPath) {
        if (!n.isPartOfTranslationUnitFile()) return false;
        IASTFileLocation l = n.getFileLocation();
        return l != null && tuPath.equals(l.getFileName());
    }

    static int offset(IASTNode n) {
        IASTFileLocation l = n.getFileLocation();
        return l == null ? 0 : l.getNodeOffset();
    }

    static String rawText(IASTNode n, SourceText text) {
        IASTFileLocation l = n.getFileLocation();
        if (l == null) return "";
        int s = Math.max(0, l.getNodeOffset()), e = Math.min(text.content().length(), s + l.getNodeLength());
        return text.content().substring(s, e);
    }

    static String snippet(String raw) {
        String s = raw.strip().replaceAll("\\s+", " ");
        return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
    }

    private static final class ProblemFinder extends ASTVisitor {
        final Set<String> reasons = new LinkedHashSet<>();
        /** Names a lone fragment uses that only the rest of the kernel declares (fragment mode; see {@link InferredNames}). */
        final Set<String> inferred = new LinkedHashSet<>();
        final boolean fragment;
        /** Calls of functions with no declaration in sight (CDT binds them to an implicit external function). */
        int implicitCalls;
        String implicit;
        /** The names behind the reasons, inferred names and implicit calls; {@code nameless}: a reason with no name behind it. */
        final Set<String> doubtNames = new LinkedHashSet<>();
        boolean nameless;
        final SourceText text;
        final boolean resolve;

        ProblemFinder(SourceText text, boolean resolve, boolean fragment) {
            super(false);
            this.fragment = fragment;
            this.text = text;
            this.resolve = resolve;
            shouldVisitProblems = true;
            shouldVisitDeclarators = resolve;
            shouldVisitExpressions = resolve;
            shouldVisitDeclarations = true;
        }

        @Override public int visit(IASTDeclaration d) {
            if (d instanceof IASTFunctionDefinition nested) {
                reasons.add("line " + line(nested) + ": nested function definition '" + functionName(nested)
                        + "' (unbalanced braces above?)");
                nameless = true;
            }
            return PROCESS_CONTINUE;
        }

        private int line(IASTNode n) { return text.line(offset(n)); }

        @Override public int visit(IASTProblem p) {
            reasons.add("line " + line(p) + ": syntax problem " + snippet(rawText(p, text)));
            nameless = true;
            return PROCESS_CONTINUE;
        }

        @Override public int visit(IASTDeclarator d) {
            IASTName n = d.getName();
            if (n == null || n.toCharArray().length == 0 || isLocalLabel(d)) return PROCESS_CONTINUE;
            IBinding b = n.resolveBinding();
            if (b instanceof IProblemBinding) {
                reasons.add("line " + line(n) + ": declaration of '" + n + "' does not resolve");
                nameless = true;
            } else if (b instanceof IVariable v && isProblem(v.getType())) {
                (fragment ? inferred : reasons).add("line " + line(n) + ": '" + n + "' has an unknown type");
                String t = typedefName(d);
                if (t == null) nameless = true;
                else doubtNames.add(t);
            }
            return PROCESS_CONTINUE;
        }

        @Override public int visit(IASTExpression e) {
            if (e instanceof IASTIdExpression id) {
                IASTName n = id.getName();
                IBinding b = n.resolveBinding();
                if (b instanceof IProblemBinding) {
                    (fragment ? inferred : reasons).add("line " + line(n) + ": '" + n + "' undeclared");
                    doubtNames.add(n.toString());
                } else if (b instanceof org.eclipse.cdt.internal.core.dom.parser.c.CExternalFunction && !isGccBuiltin(n.toString())) {
                    if (implicitCalls++ == 0) implicit = "'" + n + "' (line " + line(n) + ")";
                    doubtNames.add(n.toString());
                }
            } else if (e instanceof IASTFieldReference fr) {
                IASTName n = fr.getFieldName();
                if (n.resolveBinding() instanceof IProblemBinding) {
                    (fragment && InferredNames.opaqueOwner(fr) ? inferred : reasons).add("line " + line(n) + ": field '" + n + "' does not resolve");
                    doubtNames.add(n.toString());
                }
            }
            return PROCESS_CONTINUE;
        }
    }

    /**
     * The typedef name a declarator's declaration specifier names when that name itself is undeclared,
     * or null (a struct, typeof, a base type, a typedef whose own type does not resolve ...).
     */
    private static String typedefName(IASTDeclarator d) {
        IASTNode p = d.getParent();
        while (p instanceof IASTDeclarator) p = p.getParent();
        org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier spec =
                p instanceof org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration sd ? sd.getDeclSpecifier()
                : p instanceof org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration pd ? pd.getDeclSpecifier() : null;
        return spec instanceof org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier nt
                && nt.getName().resolveBinding() instanceof IProblemBinding ? nt.getName().toString() : null;
    }

    /** GCC's built-in functions, which CDT binds like undeclared functions (they need no declaration). */
    static boolean isGccBuiltin(String name) {
        return name.startsWith("__builtin_") || name.startsWith("__sync_") || name.startsWith("__atomic_");
    }

    /** GCC's {@code __label__ x;} declares a local label, which CDT reads as a variable of unknown type. */
    private static boolean isLocalLabel(IASTDeclarator d) {
        return d.getParent() instanceof org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration sd
                && sd.getDeclSpecifier() instanceof org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier nt
                && nt.getName().toString().equals("__label__");
    }

    static boolean isProblem(IType t) {
        for (int i = 0; i < 16 && t != null; i++) {
            if (t instanceof IProblemType || t instanceof IProblemBinding) return true;
            if (t instanceof IPointerType p) t = p.getType();
            else if (t instanceof IArrayType a) t = a.getType();
            else if (t instanceof IQualifierType q) t = q.getType();
            else if (t instanceof ITypedef td) t = td.getType();
            else return false;
        }
        return false;
    }

    static boolean unusedInclude(IASTPreprocessorIncludeStatement s) { return !s.isResolved(); }
}
