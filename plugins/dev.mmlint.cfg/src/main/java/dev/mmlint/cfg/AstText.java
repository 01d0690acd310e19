package dev.mmlint.cfg;

import org.eclipse.cdt.core.dom.ast.IASTASMDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTArrayDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTArrayModifier;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTBreakStatement;
import org.eclipse.cdt.core.dom.ast.IASTCaseStatement;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTContinueStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDefaultStatement;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTElaboratedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTNodeLocation;
import org.eclipse.cdt.core.dom.ast.IASTNullStatement;
import org.eclipse.cdt.core.dom.ast.IASTPointer;
import org.eclipse.cdt.core.dom.ast.IASTPointerOperator;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTTypeId;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdInitializerExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTGotoStatement;

/**
 * Source text of AST nodes for listings and DOT labels: the file text (white space collapsed) for a node written
 * in the file, and for a node produced by a macro expansion (whose raw signature would be the whole macro
 * invocation) the expanded code, printed from the tree. Covers the C that appears in function bodies; a construct
 * it does not print falls back to its raw signature.
 */
final class AstText {

    private AstText() {
    }

    static String of(IASTNode n) {
        if (n == null) {
            return "";
        }
        try {
            if (inFile(n)) {
                return collapse(n.getRawSignature());
            }
            StringBuilder sb = new StringBuilder();
            new AstText.Printer(sb).node(n);
            return sb.toString();
        } catch (RuntimeException e) {
            return raw(n);
        }
    }

    /** Written in the file: one location, a file location (not a macro expansion). */
    private static boolean inFile(IASTNode n) {
        IASTNodeLocation[] locs = n.getNodeLocations();
        return locs.length == 1 && locs[0] instanceof IASTFileLocation;
    }

    private static String raw(IASTNode n) {
        try {
            return collapse(n.getRawSignature());
        } catch (RuntimeException e) {
            return n.getClass().getSimpleName();
        }
    }

    static String collapse(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final class Printer {
        private final StringBuilder sb;

        Printer(StringBuilder sb) {
            this.sb = sb;
        }

        void node(IASTNode n) {
            if (n == null) {
                return;
            }
            if (inFile(n)) {
                sb.append(collapse(n.getRawSignature()));
            } else if (n instanceof IASTStatement s) {
                statement(s);
            } else if (n instanceof org.eclipse.cdt.core.dom.ast.IASTExpression e) {
                expression(e);
            } else if (n instanceof IASTInitializer i) {
                initializer(i);
            } else if (n instanceof IASTTypeId t) {
                typeId(t);
            } else if (n instanceof IASTDeclaration d) {
                declaration(d);
            } else {
                sb.append(raw(n));
            }
        }

        void expression(IASTInitializerClause e) {
            if (inFile(e)) {
                sb.append(collapse(e.getRawSignature()));
            } else if (e instanceof IASTIdExpression id) {
                sb.append(id.getName());
            } else if (e instanceof IASTLiteralExpression lit) {
                sb.append(lit.getValue());
            } else if (e instanceof IASTUnaryExpression u) {
                unary(u);
            } else if (e instanceof IASTBinaryExpression b) {
                node(b.getOperand1());
                sb.append(' ').append(binaryOperator(b.getOperator())).append(' ');
                node(b.getOperand2());
            } else if (e instanceof IASTFunctionCallExpression fc) {
                node(fc.getFunctionNameExpression());
                sb.append('(');
                list(fc.getArguments());
                sb.append(')');
            } else if (e instanceof IASTFieldReference f) {
                node(f.getFieldOwner());
                sb.append(f.isPointerDereference() ? "->" : ".").append(f.getFieldName());
            } else if (e instanceof IASTArraySubscriptExpression a) {
                node(a.getArrayExpression());
                sb.append('[');
                node(a.getArgument());
                sb.append(']');
            } else if (e instanceof IASTCastExpression c) {
                sb.append('(');
                typeId(c.getTypeId());
                sb.append(')');
                node(c.getOperand());
            } else if (e instanceof IASTConditionalExpression c) {
                node(c.getLogicalConditionExpression());
                sb.append(c.getPositiveResultExpression() == null ? " ?: " : " ? ");
                if (c.getPositiveResultExpression() != null) {
                    node(c.getPositiveResultExpression());
                    sb.append(" : ");
                }
                node(c.getNegativeResultExpression());
            } else if (e instanceof IASTExpressionList l) {
                list(l.getExpressions());
            } else if (e instanceof IGNUASTCompoundStatementExpression se) {
                sb.append('(');
                statement(se.getCompoundStatement());
                sb.append(')');
            } else if (e instanceof IASTTypeIdExpression t) {
                sb.append(switch (t.getOperator()) {
                    case IASTTypeIdExpression.op_sizeof -> "sizeof";
                    case IASTTypeIdExpression.op_alignof -> "_Alignof";
                    case IASTTypeIdExpression.op_typeof -> "typeof";
                    default -> "op" + t.getOperator();
                }).append('(');
                typeId(t.getTypeId());
                sb.append(')');
            } else if (e instanceof IASTTypeIdInitializerExpression t) {
                sb.append('(');
                typeId(t.getTypeId());
                sb.append(')');
                node(t.getInitializer());
            } else {
                sb.append(raw(e));
            }
        }

        void unary(IASTUnaryExpression u) {
            int op = u.getOperator();
            switch (op) {
                case IASTUnaryExpression.op_bracketedPrimary -> {
                    sb.append('(');
                    node(u.getOperand());
                    sb.append(')');
                }
                case IASTUnaryExpression.op_postFixIncr, IASTUnaryExpression.op_postFixDecr -> {
                    node(u.getOperand());
                    sb.append(op == IASTUnaryExpression.op_postFixIncr ? "++" : "--");
                }
                case IASTUnaryExpression.op_sizeof, IASTUnaryExpression.op_alignOf,
                        IASTUnaryExpression.op_typeof -> {
                    sb.append(op == IASTUnaryExpression.op_sizeof ? "sizeof"
                            : op == IASTUnaryExpression.op_alignOf ? "_Alignof" : "typeof");
                    boolean paren = u.getOperand() instanceof IASTUnaryExpression p
                            && p.getOperator() == IASTUnaryExpression.op_bracketedPrimary;
                    sb.append(paren ? "" : " ");
                    node(u.getOperand());
                }
                default -> {
                    sb.append(switch (op) {
                        case IASTUnaryExpression.op_prefixIncr -> "++";
                        case IASTUnaryExpression.op_prefixDecr -> "--";
                        case IASTUnaryExpression.op_plus -> "+";
                        case IASTUnaryExpression.op_minus -> "-";
                        case IASTUnaryExpression.op_star -> "*";
                        case IASTUnaryExpression.op_amper -> "&";
                        case IASTUnaryExpression.op_tilde -> "~";
                        case IASTUnaryExpression.op_not -> "!";
                        case IASTUnaryExpression.op_labelReference -> "&&";
                        default -> "op" + op + " ";
                    });
                    node(u.getOperand());
                }
            }
        }

        static String binaryOperator(int op) {
            return switch (op) {
                case IASTBinaryExpression.op_multiply -> "*";
                case IASTBinaryExpression.op_divide -> "/";
                case IASTBinaryExpression.op_modulo -> "%";
                case IASTBinaryExpression.op_plus -> "+";
                case IASTBinaryExpression.op_minus -> "-";
                case IASTBinaryExpression.op_shiftLeft -> "<<";
                case IASTBinaryExpression.op_shiftRight -> ">>";
                case IASTBinaryExpression.op_lessThan -> "<";
                case IASTBinaryExpression.op_greaterThan -> ">";
                case IASTBinaryExpression.op_lessEqual -> "<=";
                case IASTBinaryExpression.op_greaterEqual -> ">=";
                case IASTBinaryExpression.op_binaryAnd -> "&";
                case IASTBinaryExpression.op_binaryXor -> "^";
                case IASTBinaryExpression.op_binaryOr -> "|";
                case IASTBinaryExpression.op_logicalAnd -> "&&";
                case IASTBinaryExpression.op_logicalOr -> "||";
                case IASTBinaryExpression.op_assign -> "=";
                case IASTBinaryExpression.op_multiplyAssign -> "*=";
                case IASTBinaryExpression.op_divideAssign -> "/=";
                case IASTBinaryExpression.op_moduloAssign -> "%=";
                case IASTBinaryExpression.op_plusAssign -> "+=";
                case IASTBinaryExpression.op_minusAssign -> "-=";
                case IASTBinaryExpression.op_shiftLeftAssign -> "<<=";
                case IASTBinaryExpression.op_shiftRightAssign -> ">>=";
                case IASTBinaryExpression.op_binaryAndAssign -> "&=";
                case IASTBinaryExpression.op_binaryXorAssign -> "^=";
                case IASTBinaryExpression.op_binaryOrAssign -> "|=";
                case IASTBinaryExpression.op_equals -> "==";
                case IASTBinaryExpression.op_notequals -> "!=";
                case IASTBinaryExpression.op_ellipses -> "...";
                default -> "op" + op;
            };
        }

        void list(IASTInitializerClause[] xs) {
            for (int i = 0; i < xs.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                node(xs[i]);
            }
        }

        void initializer(IASTInitializer i) {
            if (inFile(i)) {
                sb.append(collapse(i.getRawSignature()));
            } else if (i instanceof IASTEqualsInitializer ei) {
                sb.append("= ");
                node(ei.getInitializerClause());
            } else if (i instanceof IASTInitializerList l) {
                sb.append("{ ");
                list(l.getClauses());
                sb.append(" }");
            } else {
                sb.append(raw(i));
            }
        }

        void typeId(IASTTypeId t) {
            if (t == null) {
                return;
            }
            if (inFile(t)) {
                sb.append(collapse(t.getRawSignature()));
                return;
            }
            declSpecifier(t.getDeclSpecifier());
            String mark = sb.toString();
            int len = sb.length();
            declarator(t.getAbstractDeclarator());
            if (sb.length() > len && mark.endsWith(" ") && sb.charAt(len) == ' ') {
                sb.deleteCharAt(len);
            }
        }

        void declSpecifier(IASTDeclSpecifier s) {
            if (s == null) {
                return;
            }
            if (inFile(s)) {
                sb.append(collapse(s.getRawSignature()));
                return;
            }
            if (s.getStorageClass() == IASTDeclSpecifier.sc_static) {
                sb.append("static ");
            } else if (s.getStorageClass() == IASTDeclSpecifier.sc_extern) {
                sb.append("extern ");
            } else if (s.getStorageClass() == IASTDeclSpecifier.sc_register) {
                sb.append("register ");
            } else if (s.getStorageClass() == IASTDeclSpecifier.sc_typedef) {
                sb.append("typedef ");
            }
            if (s.isConst()) {
                sb.append("const ");
            }
            if (s.isVolatile()) {
                sb.append("volatile ");
            }
            if (s instanceof IASTSimpleDeclSpecifier ss) {
                if (ss.isUnsigned()) {
                    sb.append("unsigned ");
                }
                if (ss.isSigned()) {
                    sb.append("signed ");
                }
                if (ss.isShort()) {
                    sb.append("short ");
                }
                if (ss.isLong()) {
                    sb.append("long ");
                }
                if (ss.isLongLong()) {
                    sb.append("long long ");
                }
                String type = switch (ss.getType()) {
                    case IASTSimpleDeclSpecifier.t_void -> "void";
                    case IASTSimpleDeclSpecifier.t_char -> "char";
                    case IASTSimpleDeclSpecifier.t_int -> "int";
                    case IASTSimpleDeclSpecifier.t_float -> "float";
                    case IASTSimpleDeclSpecifier.t_double -> "double";
                    case IASTSimpleDeclSpecifier.t_bool -> "_Bool";
                    case IASTSimpleDeclSpecifier.t_typeof -> null;
                    default -> "";
                };
                if (type == null) {
                    boolean paren = ss.getDeclTypeExpression() instanceof IASTUnaryExpression p
                            && p.getOperator() == IASTUnaryExpression.op_bracketedPrimary;
                    sb.append(paren ? "typeof" : "typeof(");
                    node(ss.getDeclTypeExpression());
                    sb.append(paren ? "" : ")");
                } else if (!type.isEmpty()) {
                    sb.append(type);
                } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                    sb.setLength(sb.length() - 1);
                }
            } else if (s instanceof IASTNamedTypeSpecifier nt) {
                sb.append(nt.getName());
            } else if (s instanceof IASTElaboratedTypeSpecifier es) {
                sb.append(es.getKind() == IASTElaboratedTypeSpecifier.k_struct ? "struct "
                        : es.getKind() == IASTElaboratedTypeSpecifier.k_union ? "union " : "enum ").append(es.getName());
            } else if (s instanceof IASTCompositeTypeSpecifier cs) {
                sb.append(cs.getKey() == IASTCompositeTypeSpecifier.k_struct ? "struct " : "union ")
                        .append(cs.getName()).append(" {...}");
            } else {
                sb.append(raw(s));
            }
        }

        void declarator(IASTDeclarator d) {
            if (d == null) {
                return;
            }
            if (inFile(d)) {
                String r = collapse(d.getRawSignature());
                if (!r.isEmpty()) {
                    sb.append(' ').append(r);
                }
                return;
            }
            StringBuilder pointers = new StringBuilder();
            for (IASTPointerOperator p : d.getPointerOperators()) {
                if (p instanceof IASTPointer ptr) {
                    pointers.append('*');
                    if (ptr.isConst()) {
                        pointers.append("const ");
                    }
                    if (ptr.isVolatile()) {
                        pointers.append("volatile ");
                    }
                }
            }
            String name = d.getName() == null ? "" : d.getName().toString();
            if (pointers.length() > 0 || !name.isEmpty() || d.getNestedDeclarator() != null) {
                sb.append(' ');
            }
            sb.append(pointers);
            if (d.getNestedDeclarator() != null) {
                sb.append('(');
                int len = sb.length();
                declarator(d.getNestedDeclarator());
                if (sb.length() > len && sb.charAt(len) == ' ') {
                    sb.deleteCharAt(len);
                }
                sb.append(')');
            } else {
                sb.append(name);
            }
            if (d instanceof IASTArrayDeclarator ad) {
                for (IASTArrayModifier m : ad.getArrayModifiers()) {
                    sb.append('[');
                    node(m.getConstantExpression());
                    sb.append(']');
                }
            }
            if (d.getInitializer() != null) {
                sb.append(' ');
                initializer(d.getInitializer());
            }
        }

        void declaration(IASTDeclaration d) {
            if (inFile(d)) {
                sb.append(collapse(d.getRawSignature()));
            } else if (d instanceof IASTSimpleDeclaration sd) {
                declSpecifier(sd.getDeclSpecifier());
                IASTDeclarator[] ds = sd.getDeclarators();
                for (int i = 0; i < ds.length; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    declarator(ds[i]);
                }
                sb.append(';');
            } else if (d instanceof IASTASMDeclaration asm) {
                sb.append("asm(").append(asm.getAssembly()).append(");");
            } else {
                sb.append(raw(d));
            }
        }

        void statement(IASTStatement s) {
            if (s == null) {
                return;
            }
            if (inFile(s)) {
                sb.append(collapse(s.getRawSignature()));
            } else if (s instanceof IASTExpressionStatement es) {
                node(es.getExpression());
                sb.append(';');
            } else if (s instanceof IASTDeclarationStatement ds) {
                declaration(ds.getDeclaration());
            } else if (s instanceof IASTCompoundStatement cs) {
                sb.append('{');
                for (IASTStatement x : cs.getStatements()) {
                    sb.append(' ');
                    statement(x);
                }
                sb.append(" }");
            } else if (s instanceof IASTReturnStatement rs) {
                sb.append("return");
                if (rs.getReturnValue() != null) {
                    sb.append(' ');
                    node(rs.getReturnValue());
                }
                sb.append(';');
            } else if (s instanceof IASTIfStatement is) {
                sb.append("if (");
                node(is.getConditionExpression());
                sb.append(") ");
                statement(is.getThenClause());
                if (is.getElseClause() != null) {
                    sb.append(" else ");
                    statement(is.getElseClause());
                }
            } else if (s instanceof IASTWhileStatement ws) {
                sb.append("while (");
                node(ws.getCondition());
                sb.append(") ");
                statement(ws.getBody());
            } else if (s instanceof IASTDoStatement ds) {
                sb.append("do ");
                statement(ds.getBody());
                sb.append(" while (");
                node(ds.getCondition());
                sb.append(");");
            } else if (s instanceof IASTForStatement fs) {
                sb.append("for (");
                if (fs.getInitializerStatement() != null) {
                    statement(fs.getInitializerStatement());
                } else {
                    sb.append(';');
                }
                sb.append(' ');
                node(fs.getConditionExpression());
                sb.append("; ");
                node(fs.getIterationExpression());
                sb.append(") ");
                statement(fs.getBody());
            } else if (s instanceof IASTSwitchStatement ss) {
                sb.append("switch (");
                node(ss.getControllerExpression());
                sb.append(") ");
                statement(ss.getBody());
            } else if (s instanceof IASTCaseStatement cs) {
                sb.append("case ");
                node(cs.getExpression());
                sb.append(':');
            } else if (s instanceof IASTDefaultStatement) {
                sb.append("default:");
            } else if (s instanceof IASTBreakStatement) {
                sb.append("break;");
            } else if (s instanceof IASTContinueStatement) {
                sb.append("continue;");
            } else if (s instanceof IASTGotoStatement gs) {
                sb.append("goto ").append(gs.getName()).append(';');
            } else if (s instanceof IGNUASTGotoStatement gs) {
                sb.append("goto *");
                node(gs.getLabelNameExpression());
                sb.append(';');
            } else if (s instanceof IASTLabelStatement ls) {
                sb.append(ls.getName()).append(": ");
                statement(ls.getNestedStatement());
            } else if (s instanceof IASTNullStatement) {
                sb.append(';');
            } else {
                sb.append(raw(s));
            }
        }
    }
}
