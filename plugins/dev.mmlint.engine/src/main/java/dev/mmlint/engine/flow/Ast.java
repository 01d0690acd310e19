package dev.mmlint.engine.flow;

import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.frontend.CTypes;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTImageLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IBasicType;
import org.eclipse.cdt.core.dom.ast.ICompositeType;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IType;

/** Syntax helpers of the transfer functions: names, positions, C types and normalised texts of expressions. */
final class Ast {
    /** The function definition around {@code at}, or null. */
    static org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition enclosingFunction(IASTNode at) {
        IASTNode f = at;
        while (f != null && !(f instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition)) f = f.getParent();
        return (org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition) f;
    }

    private Ast() {}

    static IASTExpression strip(IASTExpression e) {
        while (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) e = u.getOperand();
        while (e instanceof IASTCastExpression c) e = strip(c.getOperand());
        return e;
    }

    /**
     * The variable a page-table entry expression reads or names: {@code pud} of {@code pud}, {@code *pud},
     * {@code &pmd}, {@code ptep_get(pte)} or {@code pud_pfn(*pud)} (one call of one argument looked through,
     * as the entry readers and converters are), or null.
     */
    static String entryBase(IASTExpression e) {
        IASTExpression s = e == null ? null : strip(e);
        if (s instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression call && call.getArguments().length == 1
                && call.getArguments()[0] instanceof IASTExpression a) s = strip(a);
        while (s instanceof IASTUnaryExpression u && (u.getOperator() == IASTUnaryExpression.op_star || u.getOperator() == IASTUnaryExpression.op_amper))
            s = strip(u.getOperand());
        return s instanceof IASTIdExpression id ? id.getName().toString() : null;
    }

    /** The variable an expression names (through parentheses and casts), or null. */
    static String name(IASTExpression e) {
        IASTExpression s = e == null ? null : strip(e);
        return s instanceof IASTIdExpression id ? id.getName().toString() : null;
    }

    /**
     * The storage location an expression names (through parentheses and casts): a variable ({@code pages}),
     * or an access path rooted at one through fields and dereferences ({@code req->pages}, {@code
     * ctx->buf.pages}, {@code *pagep}), written without blanks; null for anything else (an entry, a call).
     */
    static String path(IASTExpression e) {
        IASTExpression s = e == null ? null : strip(e);
        if (s instanceof IASTIdExpression id) return id.getName().toString();
        if (s instanceof IASTFieldReference f) {
            String owner = path(f.getFieldOwner());
            if (owner == null) return null;
            if (!(strip(f.getFieldOwner()) instanceof IASTIdExpression || strip(f.getFieldOwner()) instanceof IASTFieldReference)) owner = "(" + owner + ")";
            return owner + (f.isPointerDereference() ? "->" : ".") + f.getFieldName().toString();
        }
        if (s instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_star) {
            String inner = path(u.getOperand());
            return inner == null ? null : "*" + inner;
        }
        return null;
    }

    /** The variable an access path ({@link #path}) is rooted at: {@code req} of {@code req->pages}. */
    static String root(String path) {
        int i = 0;
        while (i < path.length() && (path.charAt(i) == '*' || path.charAt(i) == '(')) i++;
        int j = i;
        while (j < path.length() && (Character.isJavaIdentifierPart(path.charAt(j)))) j++;
        return path.substring(i, j);
    }

    /** Whether an access path ({@link #path}) goes through a field or a dereference (not a plain variable). */
    static boolean isFieldPath(String path) {
        return path != null && !path.equals(root(path)) && FIELD_PATH.matcher(path).matches();
    }

    private static final java.util.regex.Pattern FIELD_PATH =
            java.util.regex.Pattern.compile("[*(]*[A-Za-z_]\\w*(\\)|->[A-Za-z_]\\w*|\\.[A-Za-z_]\\w*)*");

    /**
     * An expression whose value only feeds an equality test ({@code ==} or {@code !=}, through parentheses and
     * casts): it is compared, never dereferenced nor kept.
     */
    static boolean onlyCompared(IASTExpression e) {
        IASTNode n = e, p = e.getParent();
        while (p instanceof IASTCastExpression
                || p instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
            n = p;
            p = p.getParent();
        }
        return p instanceof IASTBinaryExpression b
                && (b.getOperator() == IASTBinaryExpression.op_equals
                    || b.getOperator() == IASTBinaryExpression.op_notequals)
                && (b.getOperand1() == n || b.getOperand2() == n);
    }

    /**
     * Every value a body gives a variable outright, in source order: a declarator's initialiser
     * ({@code T v = e;}) and a plain assignment ({@code v = e}; the name is null where the left side is
     * no variable).
     */
    static void forEachDefinition(IASTNode body, java.util.function.BiConsumer<String, IASTExpression> f) {
        body.accept(new org.eclipse.cdt.core.dom.ast.ASTVisitor(true) {
            { shouldVisitDeclarators = true; }

            @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTDeclarator d) {
                if (d.getInitializer() instanceof org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer ei
                        && ei.getInitializerClause() instanceof IASTExpression e)
                    f.accept(d.getName().toString(), e);
                return PROCESS_CONTINUE;
            }

            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign) f.accept(name(b.getOperand1()), b.getOperand2());
                return PROCESS_CONTINUE;
            }
        });
    }

    /** The variables a body assigns with {@code =} (not the ones it only steps with {@code ++} or {@code +=}). */
    static java.util.Set<String> assigned(IASTNode body) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (body == null) return out;
        body.accept(new org.eclipse.cdt.core.dom.ast.ASTVisitor(true) {
            { shouldVisitExpressions = true; }

            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign) {
                    String n = name(b.getOperand1());
                    if (n != null) out.add(n);
                } else if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper) {
                    String n = name(u.getOperand());
                    if (n != null) out.add(n);
                }
                return PROCESS_CONTINUE;
            }
        });
        return out;
    }

    /**
     * The locals a body declares initialised with another variable converted between a byte address and a
     * pfn and nothing else ({@code start_pfn = PFN_DOWN(start)}: {@code start >> PAGE_SHIFT}; a plain copy;
     * casts), each with that variable; a local declared more than once is left out.
     */
    static java.util.Map<String, String> convertedFrom(IASTNode body) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>(), twice = new java.util.HashSet<>();
        if (body == null) return out;
        body.accept(new org.eclipse.cdt.core.dom.ast.ASTVisitor(true) {
            { shouldVisitDeclarators = true; }

            @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTDeclarator d) {
                String n = d.getName().toString();
                if (!seen.add(n)) twice.add(n);
                if (d.getInitializer() instanceof org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer ei
                        && ei.getInitializerClause() instanceof IASTExpression e) {
                    IASTExpression x = strip(e);
                    if (x instanceof IASTBinaryExpression b && (b.getOperator() == IASTBinaryExpression.op_shiftRight
                            || b.getOperator() == IASTBinaryExpression.op_shiftLeft) && !readsVariable(b.getOperand2())) x = strip(b.getOperand1());
                    if (x instanceof IASTIdExpression id) out.put(n, id.getName().toString());
                }
                return PROCESS_CONTINUE;
            }
        });
        out.keySet().removeAll(twice);
        return out;
    }

    private static boolean readsVariable(IASTExpression e) {
        boolean[] found = {false};
        e.accept(new org.eclipse.cdt.core.dom.ast.ASTVisitor(true) {
            { shouldVisitExpressions = true; }

            @Override public int visit(IASTExpression x) {
                if (x instanceof IASTIdExpression) found[0] = true;
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }

    /** A node strictly inside a macro expansion: its parent comes from the same expansion, at the same place. */
    static boolean insideExpansion(IASTExpression e) {
        var locs = e.getNodeLocations();
        if (locs.length != 1 || !(locs[0] instanceof org.eclipse.cdt.core.dom.ast.IASTMacroExpansionLocation)) return false;
        IASTNode p = e.getParent();
        IASTFileLocation a = e.getFileLocation(), b = p == null ? null : p.getFileLocation();
        return a != null && b != null && a.getNodeOffset() == b.getNodeOffset() && a.getNodeLength() == b.getNodeLength();
    }

    /**
     * Where expression {@code e}, part of a macro's expansion, is written inside the invocation's text
     * {@code src} (its tokens, any spacing between them): {offset, length}; the invocation's own span
     * when it is not found there.
     */
    static int[] writtenSpan(String src, IASTExpression e) {
        int off = offset(e), end = Math.min(src.length(), off + length(e));
        if (!insideExpansion(e) || off >= end) return new int[] {off, end - off};
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("\\w+|\\S")
                .matcher(org.eclipse.cdt.core.dom.ast.ASTSignatureUtil.getExpressionString(e));
        StringBuilder re = new StringBuilder();
        while (t.find()) re.append(re.length() == 0 ? "" : "\\s*").append(java.util.regex.Pattern.quote(t.group()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(re.toString()).matcher(src).region(off, end);
        return m.find() ? new int[] {m.start(), m.end() - m.start()} : new int[] {off, end - off};
    }

    static int offset(IASTNode n) {
        if (n == null) return 0;
        IASTFileLocation l = n.getFileLocation();
        return l == null ? 0 : l.getNodeOffset();
    }

    static int length(IASTNode n) {
        if (n == null) return 0;
        IASTFileLocation l = n.getFileLocation();
        return l == null ? 0 : l.getNodeLength();
    }

    /** Whether binary operator {@code op} is an assignment, plain or compound ({@code =}, {@code +=}, {@code |=} ...). */
    static boolean isAssignment(int op) {
        return switch (op) {
            case org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_assign, org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_plusAssign,
                 org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_minusAssign, org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_multiplyAssign,
                 org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_divideAssign, org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_moduloAssign,
                 org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_shiftLeftAssign, org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_shiftRightAssign,
                 org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_binaryAndAssign, org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_binaryOrAssign,
                 org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_binaryXorAssign -> true;
            default -> false;
        };
    }

    /** The position of a field reference: its owner where the owner is written in the file (also inside a macro's arguments). */
    static int offsetOfName(IASTFieldReference f) {
        if (strip(f.getFieldOwner()) instanceof IASTIdExpression id) {
            var ol = dev.mmlint.engine.ast.ImageLocations.of(id.getName());
            if (ol != null && ol.getLocationKind() != IASTImageLocation.MACRO_DEFINITION) return ol.getNodeOffset();
        }
        return offset(f);
    }

    static int offsetOfCall(IASTExpression at) {
        if (at instanceof IASTFunctionCallExpression c && c.getFunctionNameExpression() instanceof IASTIdExpression id) {
            var il = dev.mmlint.engine.ast.ImageLocations.of(id.getName());
            if (il != null && il.getLocationKind() != IASTImageLocation.MACRO_DEFINITION) return il.getNodeOffset();
        }
        return offset(at);
    }

    static boolean isNull(IASTExpression e) {
        String t = e.getRawSignature().trim();
        if (t.equals("NULL") || t.equals("0") || t.equals("((void *)0)")) return true;
        // as parsed, through parentheses and casts: NULL, or the literal 0 it expands to
        IASTExpression x = strip(e);
        return "NULL".equals(name(x)) || x instanceof org.eclipse.cdt.core.dom.ast.IASTLiteralExpression l && "0".equals(String.valueOf(l.getValue()));
    }

    /** The value of an integer literal (decimal, octal or hex, with its u/l suffixes), or null when it is none. */
    static Long integerValue(org.eclipse.cdt.core.dom.ast.IASTLiteralExpression lit) {
        if (lit.getKind() != org.eclipse.cdt.core.dom.ast.IASTLiteralExpression.lk_integer_constant) return null;
        String s = lit.toString().toLowerCase().replaceAll("[ul]+$", "");
        try {
            return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : s.length() > 1 && s.startsWith("0") ? Long.parseLong(s, 8) : Long.parseLong(s);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** likely(), unlikely(), __builtin_expect(): compiler builtins that hand their first argument through. */
    static boolean isExpect(String fn) {
        return "likely".equals(fn) || "unlikely".equals(fn) || "__builtin_expect".equals(fn);
    }

    /** A returned value as text, with the spellings of false and NULL made one. */
    static String normalised(String text) {
        String t = text.replaceAll("\\s+", " ").trim();
        for (List<int[]> in = parenthesised(t); in != null; in = parenthesised(t)) t = t.substring(1, t.length() - 1).trim();
        return switch (t) {
            case "NULL", "false", "(void *)0", "0" -> "0";
            case "true", "1" -> "1";
            default -> t;
        };
    }

    /** The one operand of a text wholly in parentheses, or null. */
    static List<int[]> parenthesised(String t) {
        if (!t.startsWith("(") || !t.endsWith(")")) return null;
        List<int[]> inner = WrittenView.splitArgs(t, 0, t.length());
        return inner != null && inner.size() == 1 && inner.get(0)[1] == t.length() - 1 ? inner : null;
    }

    /** A {@code struct page *} or {@code struct folio *} valued expression. */
    static boolean isPagePointerTypeOrFolio(IASTExpression e) {
        String s = pointee(e);
        return "page".equals(s) || "folio".equals(s);
    }

    /** {@code struct page *} by the C type the parser resolved; false when unresolvable. */
    static boolean isPagePointerType(IASTExpression e) {
        return "page".equals(pointee(e));
    }

    /** The name of the struct an expression points to by the C type the parser resolved; null when none or unresolvable. */
    private static String pointee(IASTExpression e) {
        try {
            if (CTypes.strip(e.getExpressionType()) instanceof IPointerType pt && CTypes.strip(pt.getType()) instanceof ICompositeType ct)
                return ct.getName();
        } catch (RuntimeException ex) {
            // unresolvable: not known to point to a struct
        }
        return null;
    }

    static boolean isInteger(IType t) {
        return CTypes.strip(t) instanceof IBasicType b
                && (b.getKind() == IBasicType.Kind.eInt || b.getKind() == IBasicType.Kind.eChar
                    || b.getKind() == IBasicType.Kind.eBoolean || b.getKind() == IBasicType.Kind.eInt128);
    }

    static boolean isPointer(IType t) {
        return CTypes.strip(t) instanceof IPointerType;
    }

    /** {@code void *} (qualified or not, through typedefs). */
    static boolean isVoidPointer(IType t) {
        if (!(CTypes.strip(t) instanceof IPointerType p)) return false;
        IType to = CTypes.strip(p.getType());
        return to instanceof org.eclipse.cdt.core.dom.ast.IBasicType b && b.getKind() == org.eclipse.cdt.core.dom.ast.IBasicType.Kind.eVoid;
    }
}
