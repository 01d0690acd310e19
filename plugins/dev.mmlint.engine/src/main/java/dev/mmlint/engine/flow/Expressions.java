package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.length;
import static dev.mmlint.engine.flow.Ast.name;
import static dev.mmlint.engine.flow.Ast.offset;
import static dev.mmlint.engine.flow.Ast.strip;

import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.knowledge.AppliedClause;
import dev.mmlint.engine.knowledge.ApiEffect;
import java.util.Map;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;

/**
 * The expression walker of the shared core: evaluates an expression to its {@link V value} in the
 * current state, and hands what it meets to the concern models: page pointer arithmetic to the
 * contiguity model, field accesses to the shape model, uses of speculative references to the
 * speculative model, elements of GUP arrays to the GUP model, comparisons to the exclusivity model;
 * calls go to {@link Calls}. A little over 400 lines: one case per expression form C has, each a
 * hand-off; what a concern makes of it lives in that concern's model.
 */
final class Expressions {
    private final TransferContext c;
    /** How many times a page pointer advanced inside a loop may step: the bound of the loop's guard. */
    private boolean inLoopBound;

    Expressions(TransferContext c) { this.c = c; }

    V eval(IASTExpression e) {
        if (e == null) return V.UNKNOWN;
        WrittenView.Invocation inv = c.view.rootedAt(e);
        if (inv != null) return c.calls.invocation(inv, e);
        IASTExpression written = c.view.written(e);
        if (written != null && written != e) return eval(written);
        if (e instanceof IASTIdExpression id) return read(id.getName().toString(), e);
        if (e instanceof IASTLiteralExpression lit) return literal(lit);
        if (e instanceof IASTUnaryExpression u) return unary(u);
        if (e instanceof IASTBinaryExpression b) return binary(b);
        if (e instanceof IASTFunctionCallExpression call) return c.calls.call(call);
        if (e instanceof IASTFieldReference f) return field(f, false);
        if (e instanceof IASTArraySubscriptExpression a) return subscript(a, false);
        if (e instanceof IASTCastExpression cast) {
            V inner = eval(cast.getOperand());
            // (unsigned long)(page - vmemmap) is a pfn: a cast to an integer type ends the page value
            if (inner instanceof V.Page && Ast.isInteger(cast.getExpressionType())) return V.UNKNOWN;
            return inner;
        }
        if (e instanceof IASTConditionalExpression ce) {
            eval(ce.getLogicalConditionExpression());
            V p = eval(ce.getPositiveResultExpression()), q = eval(ce.getNegativeResultExpression());
            if (p instanceof V.Page a && q instanceof V.Page b) return new V.Page(a.v().join(b.v()), null);
            if (p instanceof V.Page a && Ast.isNull(ce.getNegativeResultExpression())) return new V.Page(a.v(), null);
            if (q instanceof V.Page b && Ast.isNull(ce.getPositiveResultExpression())) return new V.Page(b.v(), null);
            return V.UNKNOWN;
        }
        if (e instanceof IASTExpressionList l) {
            V last = V.UNKNOWN;
            for (IASTExpression x : l.getExpressions()) last = eval(x);
            return last;
        }
        if (e instanceof IGNUASTCompoundStatementExpression se) {
            // the CFG ran its statements before this node; its value is its last expression
            IASTStatement[] ss = se.getCompoundStatement() == null ? new IASTStatement[0] : se.getCompoundStatement().getStatements();
            if (ss.length > 0 && ss[ss.length - 1] instanceof IASTExpressionStatement es) return c.silently(es.getExpression());
            return V.UNKNOWN;
        }
        return V.UNKNOWN;
    }

    private V read(String name, IASTExpression at) {
        FlowState st = c.st;
        PageValue pv = st.core.page(name);
        if (pv != null) return new V.Page(pv, name);
        if (st.gup.isCount(name)) return new V.Count(st.gup.counted(name), st.gup.shorts().mayBeNegative(name));
        if (st.core.cond(name) != null) return st.core.cond(name);
        if (c.facts.pageVars().contains(name)) return new V.Page(PageValue.UNKNOWN, name);
        Bound size = st.ranges.of(name);
        if (size == null && !c.facts.locals().contains(name) && !c.facts.params().containsKey(name))
            // an identifier the model may classify (a constant such as HPAGE_PMD_NR in a fragment)
            size = c.kb.size(name).map(r -> c.bound(r, at)).orElse(null);
        return new V.Int(size, null, name);
    }

    private static V literal(IASTLiteralExpression lit) {
        Long v = Ast.integerValue(lit);
        return v == null ? V.UNKNOWN : new V.Int(null, v, null);
    }

    private V unary(IASTUnaryExpression u) {
        IASTExpression x = u.getOperand();
        switch (u.getOperator()) {
            case IASTUnaryExpression.op_bracketedPrimary: return eval(x);
            case IASTUnaryExpression.op_not: return new V.Not(eval(x));
            case IASTUnaryExpression.op_sizeof: case IASTUnaryExpression.op_alignOf: return V.UNKNOWN;
            case IASTUnaryExpression.op_amper: {
                if (x instanceof IASTIdExpression id) return new V.Addr(id.getName().toString());
                if (strip(x) instanceof IASTFieldReference f && f.getFieldName().toString().equals("page")) {
                    V owner = eval(f.getFieldOwner());
                    if (owner instanceof V.Page p && p.v().shape() == Shape.FOLIO)
                        return new V.Page(p.v().withShape(Shape.HEAD, p.v().origin(), p.v().originClause()), null);
                    return V.UNKNOWN;
                }
                if (strip(x) instanceof IASTArraySubscriptExpression a) return subscript(a, true);
                eval(x);
                return V.UNKNOWN;
            }
            case IASTUnaryExpression.op_star: {
                V inner = eval(x);
                return inner instanceof V.Page ? inner : V.UNKNOWN;
            }
            case IASTUnaryExpression.op_prefixIncr: case IASTUnaryExpression.op_postFixIncr:
            case IASTUnaryExpression.op_prefixDecr: case IASTUnaryExpression.op_postFixDecr: {
                String n = name(x);
                if (n != null && isPagePointer(x)) {
                    boolean inc = u.getOperator() == IASTUnaryExpression.op_prefixIncr || u.getOperator() == IASTUnaryExpression.op_postFixIncr;
                    Bound again = rederivedEvery(u, n);
                    c.ranges.pointerArith(c.st.ranges, offset(u), length(u), n, n + (inc ? "++" : "--"), again != null ? again : loopBound(u), null);
                    PageValue pv = c.st.core.pageOrUnknown(n);
                    PageValue nv = pv.withShape(Shape.MAYBE_TAIL, c.origin(offset(u), n + (inc ? "++" : "--")), pv.originClause()).asSubpage(true);
                    c.st.core.putPage(n, nv);
                    return new V.Page(nv, null);
                }
                // a counter that only goes down keeps its bound; one that goes up loses it
                boolean up = u.getOperator() == IASTUnaryExpression.op_prefixIncr || u.getOperator() == IASTUnaryExpression.op_postFixIncr;
                if (n != null) { c.st.gup.forgetCount(n); c.st.core.forgetCond(n); c.st.core.forgetWalk(n); if (up) c.st.ranges.kill(n); c.st.spec.advanced(); }
                return eval(x);
            }
            default: {
                V v = eval(x);
                // -EFAULT: a negative constant (an error code the function returns)
                if (u.getOperator() == IASTUnaryExpression.op_minus && v instanceof V.Int i && i.constant() != null && i.size() == null)
                    return new V.Int(null, -i.constant(), null);
                return v instanceof V.Int i && i.size() != null ? new V.Int(i.size(), null, null) : V.UNKNOWN;
            }
        }
    }

    private V binary(IASTBinaryExpression b) {
        int op = b.getOperator();
        IASTExpression l = b.getOperand1(), r = b.getOperand2();
        switch (op) {
            case IASTBinaryExpression.op_assign: {
                V rv = eval(r instanceof IASTExpression ? r : null);
                String n = name(l);
                if (n != null) {
                    if (rv instanceof V.Page) c.spec.splitUse(c.st.spec, name(r), offset(r), length(r), "assigned to '" + n + "'");
                    c.st.kill(n);
                    assign(n, rv);
                    c.gup.elementRead(c.st.gup, n, r);
                    if (rv instanceof V.Page || c.facts.pageVars().contains(n) || c.facts.folioVars().contains(n)) c.ranges.assignedPage(c.st.ranges, n, Extents.of(c, r));
                    else assignedAddress(n, r);
                    entryRead(n, r);
                } else {
                    lvalue(l);
                    // a store into a field that held a GUP array (region->pages = kcalloc(...)): a new array, nothing held in it yet
                    String lp = Ast.path(l);
                    if (Ast.isFieldPath(lp)) c.st.gup.forget(lp);
                    // pages[i] = NULL: a released entry cleared
                    if (strip(l) instanceof IASTArraySubscriptExpression cl && Ast.isNull(r) && Ast.path(cl.getArrayExpression()) != null)
                        c.st.gup.shorts().cleared(Ast.path(cl.getArrayExpression()));
                    // *foliop = folio: what the function hands back through a pointer parameter (NULL says nothing)
                    if (c.sink != null && strip(l) instanceof IASTUnaryExpression d && d.getOperator() == IASTUnaryExpression.op_star
                            && name(d.getOperand()) != null && c.facts.params().containsKey(name(d.getOperand())) && Ast.isPagePointerTypeOrFolio(l)
                            && !Ast.isNull(r))
                        c.sink.storesThrough(c.facts.params().get(name(d.getOperand())), Extents.of(c, r));
                    if (rv instanceof V.Page p) useIfSpeculative(r, p, "stored");
                    if (rv instanceof V.Page) c.spec.splitUse(c.st.spec, name(r), offset(r), length(r), "stored");
                    if (rv instanceof V.Addr a) escape(a.var());
                    if (r instanceof IASTIdExpression id) escape(id.getName().toString());
                    // sg[i].page = pages[i]: the entry's reference now lives where it was stored
                    if (strip(r) instanceof org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression sub && Ast.path(sub.getArrayExpression()) != null
                            && c.st.gup.holds(Ast.path(sub.getArrayExpression()))) storedOut(Ast.path(sub.getArrayExpression()), r, b);
                    String entryOf = name(r) == null ? null : c.st.gup.shorts().elementOf(name(r));
                    if (entryOf != null && c.st.gup.holds(entryOf)) storedOut(entryOf, null, b);
                }
                return rv;
            }
            case IASTBinaryExpression.op_plusAssign: case IASTBinaryExpression.op_minusAssign: {
                String n = name(l);
                V rv = eval(r);
                if (n != null && isPagePointer(l)) {
                    // a page whose extent is known ranges over it: the byte-offset reading is for pages of unknown extent
                    Bound off = c.st.ranges.extentOf(n) != null ? onExtent(rv) : offsetBound(r, rv);
                    c.ranges.pointerArith(c.st.ranges, offset(b), length(b), n, n + (op == IASTBinaryExpression.op_plusAssign ? " += " : " -= ") + r.getRawSignature(),
                            off == null ? null : ContiguityModel.worst(off, loopBound(b)), null);
                    PageValue pv = c.st.core.pageOrUnknown(n);
                    c.st.core.putPage(n, pv.withShape(Shape.MAYBE_TAIL, c.origin(offset(b), "pointer arithmetic"), pv.originClause()).asSubpage(true));
                    return new V.Page(c.st.core.page(n), null);
                }
                if (n != null) {
                    c.st.kill(n);
                    c.st.spec.advanced();
                } else if (strip(l) instanceof IASTUnaryExpression d && d.getOperator() == IASTUnaryExpression.op_star && Ast.isPagePointerType(l)) {
                    // *ppage += off: a page handed back through a pointer, advanced in place
                    Bound off = byteOffset(r);
                    if (off != null) c.ranges.pointerArith(c.st.ranges, offset(b), length(b), l.getRawSignature(),
                            l.getRawSignature() + (op == IASTBinaryExpression.op_plusAssign ? " += " : " -= ") + r.getRawSignature(), off, null);
                }
                return V.UNKNOWN;
            }
            case IASTBinaryExpression.op_plus: case IASTBinaryExpression.op_minus: {
                V lv = eval(l), rv = eval(r);
                boolean lp = lv instanceof V.Page || isPagePointer(l), rp = rv instanceof V.Page || isPagePointer(r);
                // page - base (two pointers) is an index, not page arithmetic
                if (lp && !rp && op == IASTBinaryExpression.op_minus && Ast.isPointer(r.getExpressionType())) return V.UNKNOWN;
                // page + n only compared with another pointer: a pointer gone past its section only fails the test
                // (a contiguity check that refuses to merge), it never reaches a struct page
                if (lp && !rp && Ast.onlyCompared(b)) {
                    PageValue pv = lv instanceof V.Page p ? p.v() : PageValue.UNKNOWN;
                    return new V.Page(pv.withShape(Shape.MAYBE_TAIL, c.origin(offset(b), b.getRawSignature()), pv.originClause()).asSubpage(true), null);
                }
                if (lp && !rp) {
                    String base = name(l) != null ? name(l) : l.getRawSignature();
                    // no text edit for arithmetic written inside a macro's argument: its text is the invocation's
                    TextEdit fix = op == IASTBinaryExpression.op_plus && name(l) != null && !Ast.insideExpansion(b)
                            ? new TextEdit(offset(b), length(b), "nth_page(" + name(l) + ", " + r.getRawSignature() + ")") : null;
                    int[] at = Ast.writtenSpan(c.text.content(), b); // inside a macro's argument: where it is written
                    Bound ext = name(l) != null ? c.st.ranges.extentOf(name(l)) : Extents.of(c, l);
                    c.ranges.pointerArith(c.st.ranges, ext, at[0], at[1], base, c.text.content().substring(at[0], at[0] + at[1]),
                            ext != null ? onExtent(rv) : offsetBound(r, rv), fix);
                    PageValue pv = lv instanceof V.Page p ? p.v() : PageValue.UNKNOWN;
                    return new V.Page(pv.withShape(Shape.MAYBE_TAIL, c.origin(offset(b), b.getRawSignature()), pv.originClause()).asSubpage(true), null);
                }
                if (rp && !lp && op == IASTBinaryExpression.op_plus) {
                    c.ranges.pointerArith(c.st.ranges, offset(b), length(b), name(r) != null ? name(r) : r.getRawSignature(), b.getRawSignature(), ContiguityModel.boundOf(lv), null);
                    return new V.Page(PageValue.of(Shape.MAYBE_TAIL, c.origin(offset(b), b.getRawSignature()), null).asSubpage(true), null);
                }
                // a page minus the head of its own compound page or folio: its subpage index, a pfn distance only
                // inside one section's memmap, and the compound page may be larger than a buddy block
                if (lp && rp && op == IASTBinaryExpression.op_minus && !Ast.insideExpansion(b)) {
                    Bound own = ownHeadDistance(l, r, b);
                    if (own != null) {
                        int[] at = Ast.writtenSpan(c.text.content(), b);
                        return c.ranges.distance(at[0], at[1], name(l) != null ? name(l) : l.getRawSignature(),
                                c.text.content().substring(at[0], at[0] + at[1]), own, null);
                    }
                }
                // a page looked up afresh minus a page it was not derived from: a pfn distance only inside one section's memmap
                if (lp && rp && op == IASTBinaryExpression.op_minus && (name(l) == null || name(r) == null)) {
                    // written in the code, not the expansion of page_to_pfn() and its kin, which subtract a section's memmap base
                    Bound x = Ast.insideExpansion(b) ? null : unrelatedDistance(l, r);
                    if (x != null) {
                        int[] at = Ast.writtenSpan(c.text.content(), b);
                        c.ranges.unrelatedDistance(at[0], at[1], name(l) != null ? name(l) : l.getRawSignature(),
                                c.text.content().substring(at[0], at[0] + at[1]), x);
                    }
                    return V.UNKNOWN;
                }
                // two page variables: their distance as a pfn distance (arithmetic operands were judged already)
                if (lp && rp) return name(l) == null || name(r) == null ? V.UNKNOWN
                        : c.ranges.distance(offset(b), length(b), name(l), b.getRawSignature(), c.st.ranges.extentOf(name(l)), c.st.ranges.extentOf(name(r)));
                // a refcount less one page's mappings: the references beyond the mappings, inferred from counts that differ on a THP
                if (op == IASTBinaryExpression.op_minus) c.exclusive.subtracted(lv, rv, offset(b), length(b), b.getRawSignature());
                // a refcount less (or more) the references the code accounts for is still compared as the refcount
                if (lv instanceof V.Refcount && !rp && !(rv instanceof V.Mapcount)) return lv;
                if (rv instanceof V.Refcount && !lp && op == IASTBinaryExpression.op_plus) return rv;
                return ContiguityModel.arithInt(lv, rv);
            }
            case IASTBinaryExpression.op_shiftLeft: case IASTBinaryExpression.op_shiftRight:
            case IASTBinaryExpression.op_multiply: case IASTBinaryExpression.op_divide: {
                V lv = eval(l), rv = eval(r);
                // 1 << order, for an order that may be above MAX_ORDER: more pages than one buddy block, whatever the model says of 1 << order
                Bound gigantic = op == IASTBinaryExpression.op_shiftLeft ? giganticCount(b, lv, rv) : null;
                if (gigantic != null) return new V.Int(gigantic, null, null);
                Bound whole = sizeOfText(b);
                if (whole != null) return new V.Int(whole, null, null);
                if (op == IASTBinaryExpression.op_shiftLeft && lv instanceof V.Int li && li.constant() != null && rv instanceof V.Int ri
                        && ri.constant() != null && ri.constant() < 62) return new V.Int(null, li.constant() << ri.constant(), null);
                // a quotient ranges as far as its dividend: the divisor's class (PAGE_SIZE is 1UL << PAGE_SHIFT) says nothing of it
                if (op == IASTBinaryExpression.op_divide || op == IASTBinaryExpression.op_shiftRight) {
                    if (V.sizeOf(lv) != null) return new V.Int(V.sizeOf(lv), null, null);
                    // bytes >> PAGE_SHIFT of bytes nothing bounds: as many pages as a buffer of any length has
                    Bound bytes = lv instanceof V.Int li && li.constant() == null ? byteOffset(b) : null;
                    return bytes == null ? V.UNKNOWN : new V.Int(bytes, null, null);
                }
                return ContiguityModel.arithInt(lv, rv);
            }
            case IASTBinaryExpression.op_equals: case IASTBinaryExpression.op_notequals:
            case IASTBinaryExpression.op_lessThan: case IASTBinaryExpression.op_lessEqual:
            case IASTBinaryExpression.op_greaterThan: case IASTBinaryExpression.op_greaterEqual: {
                V lv = eval(l), rv = eval(r);
                // a GUP count held in an unsigned variable (u32 res = get_user_pages_fast(...)): its errno compares huge
                boolean unsignedCount = lv instanceof V.Count && NegativeCounts.unsignedVariable(l)
                        || rv instanceof V.Count && NegativeCounts.unsignedVariable(r);
                V.Cmp cmp = new V.Cmp(op, lv, rv, unsignedCount);
                c.exclusive.compared(cmp, offset(b), length(b), b.getRawSignature());
                c.ranges.compared(cmp, unboundedSizeText(l, lv), unboundedSizeText(r, rv));
                String keyhole = c.indifference.keyhole(b);
                if (keyhole != null && c.st.core.hasPage(keyhole)) c.shape.keyhole(cmp, keyhole);
                return cmp;
            }
            case IASTBinaryExpression.op_logicalAnd: case IASTBinaryExpression.op_logicalOr:
                eval(l);
                eval(r);
                return V.UNKNOWN;
            default: {
                V lv = eval(l), rv = eval(r);
                if (op == IASTBinaryExpression.op_multiplyAssign || op == IASTBinaryExpression.op_divideAssign
                        || op == IASTBinaryExpression.op_shiftLeftAssign || op == IASTBinaryExpression.op_shiftRightAssign
                        || op == IASTBinaryExpression.op_binaryAndAssign || op == IASTBinaryExpression.op_binaryOrAssign
                        || op == IASTBinaryExpression.op_binaryXorAssign || op == IASTBinaryExpression.op_moduloAssign) {
                    String n = name(l);
                    if (n != null) c.st.kill(n);
                    return V.UNKNOWN;
                }
                return ContiguityModel.arithInt(lv, rv);
            }
        }
    }

    /**
     * {@code 1 << order} (any unsigned spelling of 1) where {@code order} is a variable that may be an order
     * above MAX_ORDER ({@link RangeFacts#orderOf}): a count of pages that may exceed one buddy block; null otherwise.
     */
    private Bound giganticCount(IASTBinaryExpression b, V lv, V rv) {
        if (!(lv instanceof V.Int one) || one.constant() == null || one.constant() != 1) return null;
        if (!(rv instanceof V.Int ord) || ord.var() == null) return null;
        Bound o = c.st.ranges.orderOf(ord.var());
        if (o == null || o.bounded()) return null;
        String t = sizeText(b).trim();
        return new Bound(false, "'" + (t.length() > 80 ? "1 << " + ord.var() : t) + "' (" + o.what() + ")", o.clause(), c.line(offset(b)));
    }

    /** The model's range classification of an expression, by its text as written. */
    Bound sizeOfText(IASTNode n) {
        String t = sizeText(n);
        if (t.length() > 160) return null;
        Bound b = c.kb.size(t).map(r -> c.bound(r, n)).orElse(null);
        if (b == null && !c.argumentTexts.isEmpty()) b = withArguments(t, n);
        // a guard on this path bounded what the model would classify as possibly larger
        Bound g = b != null && !b.bounded() ? c.st.ranges.guardedSize(t) : null;
        if (g != null) return g;
        // the size of a page or folio a hugetlb test found false: one buddy block at most
        var nh = b != null && !b.bounded() ? c.st.ranges.notHugetlbIn(t) : null;
        if (nh != null) return new Bound(true, b.what() + " of '" + nh.getKey() + "', no hugetlb folio (hugetlb test false at line " + nh.getValue() + ")",
                b.clause(), b.line());
        return b;
    }

    /**
     * Text {@code t} (of {@code n}) written with parameters whose callers pass a size the model knows by name
     * ({@code (addr & (sz - 1)) >> PAGE_SHIFT} with {@code sz} a caller's {@code PUD_SIZE}): the class the model
     * gives it with one call site's arguments put in their place, when that may exceed a buddy block (the first
     * such site, in the sites' order); null otherwise. A bound from some sites is not one: other sites and
     * callers outside the unit may pass anything.
     */
    private Bound withArguments(String t, IASTNode n) {
        for (Map<String, String> site : c.argumentTexts) {
            // every parameter at once, each by its own argument (an argument naming another parameter is not rewritten)
            java.util.regex.Matcher m = WORD.matcher(t);
            StringBuilder u = new StringBuilder();
            java.util.Set<String> put = new java.util.TreeSet<>();
            while (m.find()) {
                int at = m.start();
                boolean member = at > 0 && (t.charAt(at - 1) == '.' || at > 1 && t.startsWith("->", at - 2)); // a field, not the parameter
                String a = member ? null : site.get(m.group());
                if (a != null) put.add(m.group());
                m.appendReplacement(u, java.util.regex.Matcher.quoteReplacement(a != null ? a : m.group()));
            }
            m.appendTail(u);
            if (put.isEmpty() || u.length() > 240) continue;
            var r = c.kb.size(u.toString()).filter(x -> !x.bounded()).orElse(null);
            if (r == null) continue;
            StringBuilder how = new StringBuilder();
            for (String p : put) how.append(how.length() == 0 ? "" : ", ").append(p).append(" = ").append(site.get(p));
            Bound b = c.bound(r, n);
            return new Bound(false, t.trim().replaceAll("\\s+", " ") + " with " + how + " (a caller's argument)", b.clause(), b.line());
        }
        return null;
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z_]\\w*");

    private static final dev.mmlint.engine.ast.WrittenView.Memo<String> SIZE_TEXT = dev.mmlint.engine.ast.WrittenView.Memo.of();

    /** The text the model classifies an expression by: as written (asked once per node and unit). */
    String sizeText(IASTNode n) {
        return c.view.memo(SIZE_TEXT, n, this::writtenText);
    }

    private String writtenText(IASTNode n) {
        IASTExpression w = n instanceof IASTExpression e ? c.view.written(e) : null;
        IASTNode x = w != null ? w : n;
        // a part of an unknown macro's expansion (an argument of min_t()) has the whole invocation as its text
        return x instanceof IASTExpression xe && Ast.insideExpansion(xe)
                ? org.eclipse.cdt.core.dom.ast.ASTSignatureUtil.getExpressionString(xe) : x.getRawSignature();
    }

    /** The text of a comparison operand the model classifies as possibly larger than a buddy block; null otherwise. */
    private String unboundedSizeText(IASTExpression e, V v) {
        if (!(v instanceof V.Int i) || i.var() != null || i.size() == null || i.size().bounded()) return null;
        String t = sizeText(e);
        return t.length() > 160 || c.kb.size(t).isEmpty() ? null : t;
    }

    /**
     * Pointer variable {@code name} (not a page or folio) was assigned {@code e}: an address into a range whose
     * extent is known ({@code p = alloc_pages_exact(size, gfp)}: one buddy block) carries it, for the page
     * virt_to_page(p) gives.
     */
    void assignedAddress(String name, IASTExpression e) {
        if (e == null || !Ast.isPointer(e.getExpressionType()) || Ast.isNull(e)) return;
        Bound x = Extents.of(c, e);
        if (x != null) c.st.ranges.extent(name, x);
    }

    /** {@code name = v}, after the old facts about name were killed. */
    void assign(String name, V v) {
        FlowState st = c.st;
        if (v instanceof V.Page p) {
            PageValue pv = p.v();
            boolean declared = c.facts.locals().contains(name) || c.facts.params().containsKey(name);
            // a declared variable is only a page if its type says so (unsigned long pfn = page_to_pfn(page) is not)
            if (declared && !c.facts.pageVars().contains(name) && !c.facts.folioVars().contains(name)) return;
            // a struct folio pointer is a head by its type, whatever was cast into it
            if (c.facts.folioVars().contains(name) && pv.shape() != Shape.FOLIO) pv = pv.withShape(Shape.FOLIO, pv.origin(), pv.originClause());
            st.core.putPage(name, pv);
            c.spec.assigned(st.spec, name, pv);
        } else if (v instanceof V.Count k) st.gup.count(name, k.array(), k.negative());
        else if (v instanceof V.Cmp || v instanceof V.Not || v instanceof V.Test || v instanceof V.Spec) st.core.putCond(name, v);
        else if (v instanceof V.Pfn p && p.page() != null) st.core.putPfn(name, p.page());
        else if (v instanceof V.HugeEntry h) st.core.putHugeEntry(name, h.clause());
        else if (v instanceof V.Table t) st.core.putTable(name, new PageValue.Table(t.pmd(), t.clause()));
        else if (v instanceof V.Int i && ContiguityModel.boundOf(i) != null) c.ranges.assigned(st.ranges, name, ContiguityModel.boundOf(i));
        // an order copied from one that may be above MAX_ORDER is one too
        if (v instanceof V.Int i && i.var() != null && st.ranges.orderOf(i.var()) != null) st.ranges.order(name, st.ranges.orderOf(i.var()));
        if (v instanceof V.Int) c.spec.assignedInt(st.spec, name, v);
    }

    /**
     * A page-table entry variable (declared pte_t, pmd_t or pud_t) assigned from a read through a
     * pointer (ptep_get(ptep), READ_ONCE(*ptep), *pmdp): remember the pointer, so that a later
     * re-read through it counts as re-checking this entry.
     */
    void entryRead(String var, IASTExpression rhs) {
        if (!c.facts.entryVars().contains(var)) return;
        IASTExpression w = c.view.written(rhs);
        IASTExpression e = strip(w != null ? w : rhs);
        while (true) {
            if (e instanceof IASTFunctionCallExpression call && call.getArguments().length > 0 && call.getArguments()[0] instanceof IASTExpression a) e = strip(a);
            else if (e instanceof IASTUnaryExpression u && (u.getOperator() == IASTUnaryExpression.op_star || u.getOperator() == IASTUnaryExpression.op_amper)) e = strip(u.getOperand());
            else break;
        }
        String ptr = name(e);
        if (ptr != null && !ptr.equals(var)) c.st.core.putEntryPointer(var, ptr);
    }

    /** The variable an array index names: {@code i}, also as {@code i++} or {@code i--}; null otherwise. */
    private static String indexName(IASTExpression ix) {
        IASTExpression x = strip(ix);
        if (x instanceof IASTUnaryExpression u && (u.getOperator() == IASTUnaryExpression.op_postFixIncr
                || u.getOperator() == IASTUnaryExpression.op_postFixDecr)) return name(u.getOperand());
        return name(x);
    }

    private void lvalue(IASTExpression l) {
        IASTExpression s = strip(l);
        // a store into this function's own GUP output array (pages[i] = page)
        if (c.own != null && s instanceof IASTArraySubscriptExpression a && c.own.array().equals(name(a.getArrayExpression())))
            c.st.gup.ownFilled(c.line(offset(s)), a.getArgument() instanceof IASTExpression ix ? indexName(ix) : null);
        if (s instanceof IASTFieldReference f) field(f, true);
        else if (s instanceof IASTArraySubscriptExpression a) subscript(a, false);
        else if (s instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_star) eval(u.getOperand());
        else eval(l);
    }

    /**
     * A field of page {@code p} read or written at {@code f}: the shape concern judges the access, and a
     * head-only field ({@code headOnly} not null) is a use of the head for the speculative concern.
     */
    void fieldAccessed(IASTFieldReference f, V.Page p, String fieldName, AppliedClause headOnly, boolean write) {
        fieldAccessed(f, p, fieldName, headOnly, write, false);
    }

    /** As {@link #fieldAccessed(IASTFieldReference, V.Page, String, AppliedClause, boolean)}; {@code learns}: a read that makes the function require a head. */
    void fieldAccessed(IASTFieldReference f, V.Page p, String fieldName, AppliedClause headOnly, boolean write, boolean learns) {
        String base = p.var() != null ? p.var() : f.getFieldOwner().getRawSignature();
        if (headOnly != null && c.owns(p.var())) {
            // the function gives this page its identity: its own field, not a read of a possibly-tail page
            c.spec.headUse(c.st.spec, p.var(), base + "->" + fieldName, Ast.offsetOfName(f));
            return;
        }
        c.shape.fieldAccess(Ast.offsetOfName(f), length(f), base, p.v(), fieldName, headOnly, write, learns, learns ? c.pathCondition(Map.of()) : Map.of());
        if (headOnly != null) c.spec.headUse(c.st.spec, p.var(), base + "->" + fieldName, Ast.offsetOfName(f));
    }

    private V field(IASTFieldReference f, boolean write) {
        IASTExpression owner = f.getFieldOwner();
        V ov = eval(owner);
        String fieldName = f.getFieldName().toString();
        if (ov instanceof V.Page p && f.isPointerDereference() && p.v().shape() != Shape.FOLIO) {
            Optional<AppliedClause> headOnly = c.kb.headOnlyField(fieldName);
            String base = p.var() != null ? p.var() : owner.getRawSignature();
            // a read whose value no tail can act on (rejected anyway, a keyhole test): no head needed
            boolean indifferent = !write && headOnly.isPresent() && c.indifference.indifferent(f, p.var());
            // learn a head requirement from a read of the value only: initialising writes
            // (INIT_LIST_HEAD(&page->lru), page->mapping = NULL) do not say the page must be a head
            IASTUnaryExpression amper = strip(f).getParent() instanceof IASTUnaryExpression pu && pu.getOperator() == IASTUnaryExpression.op_amper ? pu
                    : f.getParent() instanceof IASTUnaryExpression pu2 && pu2.getOperator() == IASTUnaryExpression.op_amper ? pu2 : null;
            // &page->lru handed to a call that reads through it (list_del()) is a read of the field
            boolean addressTaken = amper != null && !readThrough(amper);
            // a page the function gives an identity to (stores ->mapping / ->index through) is its own
            boolean owned = headOnly.isPresent() && c.owns(p.var());
            if (!indifferent) fieldAccessed(f, p, fieldName, headOnly.orElse(null), write, headOnly.isPresent() && !write && !addressTaken);
            if (headOnly.isPresent() && !write && !addressTaken && !indifferent && !owned)
                c.shape.headOnlyRead(p.v(), base, "reads " + base + "->" + fieldName, c.line(offset(f)), headOnly.get(), c.pathCondition(Map.of()));
            useIfSpeculative(f, p, "dereferenced (->" + fieldName + ")");
            c.spec.splitUse(c.st.spec, p.var(), offset(owner), length(owner), "dereferenced (->" + fieldName + ")");
        }
        return V.UNKNOWN;
    }

    /**
     * Whether address {@code amper} ({@code &base->field}) is an argument of a call the model says reads
     * the object that argument points to (effect {@code reads_through}, e.g. list_del(entry)).
     */
    private boolean readThrough(IASTUnaryExpression amper) {
        IASTNode n = amper;
        while (n.getParent() instanceof IASTUnaryExpression b && b.getOperator() == IASTUnaryExpression.op_bracketedPrimary) n = b;
        if (!(n.getParent() instanceof IASTFunctionCallExpression call)) return false;
        String callee = name(call.getFunctionNameExpression());
        if (callee == null) return false;
        org.eclipse.cdt.core.dom.ast.IASTInitializerClause[] args = call.getArguments();
        int index = -1;
        for (int i = 0; i < args.length; i++) if (args[i] == n) index = i;
        if (index < 0) return false;
        Optional<ApiEffect> ef = c.kb.call(callee);
        if (ef.isEmpty()) return false;
        for (ApiEffect.ArgEffect a : ef.get().args())
            if (a.index() == index && a.kind() == ApiEffect.ArgEffect.Kind.READ_THROUGH && (a.clause() == null || a.clause().applies())) return true;
        return false;
    }

    /** pages[i] (an element of a page array) or page[i] (pointer arithmetic on a page pointer). */
    private V subscript(IASTArraySubscriptExpression a, boolean addressOf) {
        IASTExpression arr = a.getArrayExpression();
        String n = name(arr);
        V idx = a.getArgument() instanceof IASTExpression ie ? eval(ie) : V.UNKNOWN;
        if (n != null && c.st.gup.holds(n)) return new V.Page(GupModel.element(c.st.gup.hold(n)), null);
        if (n != null && c.facts.pageArrays().contains(n)) return new V.Page(droppedElement(n, a), null);
        if (n != null && isPagePointer(arr)) {
            TextEdit fix = addressOf && a.getParent() instanceof IASTUnaryExpression u && !Ast.insideExpansion(u)
                    ? new TextEdit(offset(u), length(u), "nth_page(" + n + ", " + a.getArgument().getRawSignature() + ")") : null;
            IASTNode at = addressOf ? a.getParent() : a;
            c.ranges.pointerArith(c.st.ranges, offset(at), length(at), n, at.getRawSignature(), ContiguityModel.boundOf(idx), fix);
            PageValue pv = c.st.core.pageOrUnknown(n);
            return new V.Page(pv.withShape(Shape.MAYBE_TAIL, c.origin(offset(a), a.getRawSignature()), pv.originClause()).asSubpage(true), null);
        }
        eval(arr);
        return V.UNKNOWN;
    }

    /** An element of page array {@code n}: possibly a tail when the function drops the array's references (a user-mapped batch). */
    private PageValue droppedElement(String n, IASTArraySubscriptExpression a) {
        java.util.Optional<dev.mmlint.engine.knowledge.AppliedClause> clause = c.kb.clause(dev.mmlint.engine.knowledge.ApiKnowledge.DROPPED_ARRAY_ELEMENTS);
        if (clause.isEmpty() || !clause.get().applies() || !c.dropsReferencesOf(n, a)) return PageValue.UNKNOWN;
        return PageValue.of(Shape.MAYBE_TAIL, c.origin(offset(a), a.getRawSignature() + " (a reference this function drops)"), clause.get())
                .step(new WitnessStep("lookup", n, c.line(offset(a))));
    }

    /** The range of page offset {@code e} (value {@code v}): its class or a small constant, else as a byte offset converted to pages; null when unknown. */
    private Bound offsetBound(IASTExpression e, V v) {
        Bound b = ContiguityModel.boundOf(v);
        return b != null ? b : byteOffset(e);
    }

    /**
     * The range of an offset on a page whose extent is known: its class or a small constant. A count of pages
     * read from bytes nothing bounds is not one: the byte-offset reading is for pages of unknown extent, and
     * inside a known extent the offset ranges over that extent.
     */
    Bound onExtent(V v) {
        Bound b = ContiguityModel.boundOf(v);
        if (b == null || b.bounded() || b.clause() == null) return b;
        String bytes = c.kb.unboundedRange(BYTE_OFFSET_BUILTIN).map(rr -> rr.clause() == null ? null : rr.clause().id()).orElse(null);
        return b.clause().id().equals(bytes) ? null : b;
    }

    /** {@code off >> PAGE_SHIFT} or {@code off / PAGE_SIZE}, written so. */
    private static final java.util.regex.Pattern BYTES_TO_PAGES =
            java.util.regex.Pattern.compile("^\\(*\\s*(.+?)\\s*(?:>>\\s*PAGE_SHIFT|/\\s*PAGE_SIZE)\\s*\\)*$", java.util.regex.Pattern.DOTALL);

    /**
     * A page offset written as a byte offset converted to pages ({@code off >> PAGE_SHIFT}, {@code off / PAGE_SIZE})
     * whose byte offset nothing bounds: no model class, no mask (an address masked to a leaf stays in the leaf),
     * not a constant. The page is then the first of a buffer of any length (an skb fragment, a bio_vec, a range
     * a caller sized), which the model's builtin {@code page_add_bytes} says may cross a section; null otherwise.
     */
    private Bound byteOffset(IASTExpression e) {
        if (e == null) return null;
        String t = sizeText(e).trim();
        if (t.length() > 160) return null;
        java.util.regex.Matcher m = BYTES_TO_PAGES.matcher(t);
        if (!m.matches()) return null;
        String off = m.group(1);
        if (off.contains("&") || off.contains("%") || off.matches("[A-Z0-9_()\\s*+<-]+") || off.contains("?")) return null;
        if (c.kb.size(off).isPresent()) return null;
        return c.kb.unboundedRange(BYTE_OFFSET_BUILTIN).filter(rr -> rr.clause() != null && rr.clause().applies())
                .map(rr -> new Bound(false, "'" + t + "' (a byte offset nothing bounds)", rr.clause(), c.line(offset(e)))).orElse(null);
    }

    /** The model's name for page + byte offset converted to pages. */
    private static final String BYTE_OFFSET_BUILTIN = "page_add_bytes";

    /**
     * {@code p - q}, two page pointers of which one is a fresh look-up (a call: {@code pte_page(pte)},
     * {@code pfn_to_page(pfn)}, a migration entry's page) whose arguments do not mention the other: nothing
     * relates the two, so they may lie in different memory sections and their difference is no pfn distance
     * without a virtually contiguous memmap. The model's builtin {@code page_distance} says when that is so;
     * null when the operands are related (one derived from the other) or the clause does not apply.
     */
    private Bound unrelatedDistance(IASTExpression l, IASTExpression r) {
        IASTExpression a = strip(l), b = strip(r);
        boolean fresh = isCall(l) && !mentions(a, b) || isCall(r) && !mentions(b, a);
        if (!fresh || mentions(a, b) || mentions(b, a)) return null;
        return c.kb.unboundedRange(DISTANCE_BUILTIN).filter(rr -> rr.clause() != null && rr.clause().applies())
                .map(rr -> new Bound(false, "the distance between '" + l.getRawSignature().trim() + "' and '" + r.getRawSignature().trim()
                        + "' (pages nothing relates)", rr.clause(), c.line(offset(l)))).orElse(null);
    }

    /**
     * {@code p - h} where {@code h} is the head of {@code p}'s own compound page or folio: a call the model says
     * returns the head or folio of its argument ({@code compound_head(p)}, {@code &page_folio(p)->page}), or a
     * variable or field the function assigned such a call of {@code p} before. The difference is {@code p}'s
     * subpage index, which ranges over the compound page's size: the model's size of a compound page (which may
     * exceed a buddy block: a gigantic hugetlb folio), one buddy block once a hugetlb test refused the page on
     * this path, or the extent tracked for either pointer. Returns that bound; null when {@code h} is not so.
     */
    private Bound ownHeadDistance(IASTExpression l, IASTExpression r, IASTNode at) {
        IASTExpression h = strip(r);
        boolean folio = false;
        if (h instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper
                && strip(u.getOperand()) instanceof IASTFieldReference f && "page".equals(f.getFieldName().toString())) {
            h = strip(f.getFieldOwner());
            folio = true;
        }
        String arg = headArgOf(h);
        if (arg == null && !folio) arg = headArgOf(r); // compound_head(page): a macro whose expansion starts with a cast
        if (arg == null) {
            String path = Ast.path(h);
            if (path == null) return null;
            String of = c.st.core.hasPage(path) ? c.st.core.page(path).headOf() : null;
            arg = of != null ? of : assignedHeadArg(path, at);
        }
        if (arg == null || !arg.equals(l.getRawSignature().replaceAll("\\s+", ""))) return null;
        AppliedClause gate = c.kb.unboundedRange(OWN_INDEX_BUILTIN).map(rr -> rr.clause()).orElse(null);
        if (gate == null || !gate.applies()) return null;
        Bound ext = name(l) != null ? c.st.ranges.extentOf(name(l)) : null;
        if (ext == null && name(r) != null) ext = c.st.ranges.extentOf(name(r));
        if (ext != null) return ext;
        Bound small = orderGuarded(at, h.getRawSignature(), l.getRawSignature());
        if (small != null) return small;
        String size = (folio ? "folio_nr_pages(" : "compound_nr(") + h.getRawSignature().trim() + ")";
        Bound b = c.kb.size(size).map(rr -> c.bound(rr, at)).orElse(null);
        if (b == null || b.bounded()) return b;
        // the page (or the head or folio taken from it) a hugetlb test found false: one buddy block at most
        var nh = c.st.ranges.notHugetlbIn(l.getRawSignature());
        if (nh == null) nh = c.st.ranges.notHugetlbIn(h.getRawSignature());
        if (nh != null) return new Bound(true, b.what() + " of '" + nh.getKey() + "', no hugetlb folio (hugetlb test false at line " + nh.getValue() + ")",
                b.clause(), b.line());
        return new Bound(false, "the subpage index of '" + l.getRawSignature().trim() + "' in its compound page (" + b.what() + ")", gate, b.line());
    }

    /**
     * Whether {@code at} lies in the branch of an enclosing {@code if} where the order or size of the compound
     * page of {@code head} (or of {@code page}) is below a bound the model keeps inside one buddy block: the else
     * branch of {@code compound_order(head) >= MAX_ORDER}, the then branch of {@code folio_nr_pages(folio) <=
     * MAX_ORDER_NR_PAGES}. Returns that bound; null when there is none.
     */
    private Bound orderGuarded(IASTNode at, String head, String page) {
        String hk = head.replaceAll("\\s+", ""), pk = page.replaceAll("\\s+", "");
        IASTNode child = at;
        for (IASTNode p = at.getParent(); p != null && !(p instanceof IASTFunctionDefinition); child = p, p = p.getParent()) {
            if (!(p instanceof org.eclipse.cdt.core.dom.ast.IASTIfStatement is) || child == is.getConditionExpression()) continue;
            boolean inElse = child == is.getElseClause();
            if (!(strip(is.getConditionExpression()) instanceof IASTBinaryExpression cmp)) continue;
            int op = cmp.getOperator();
            boolean big = op == IASTBinaryExpression.op_greaterEqual || op == IASTBinaryExpression.op_greaterThan;
            boolean small = op == IASTBinaryExpression.op_lessThan || op == IASTBinaryExpression.op_lessEqual;
            if (!(big && inElse || small && !inElse)) continue;
            String x = sizeText(cmp.getOperand1()).replaceAll("\\s+", ""), limit = sizeText(cmp.getOperand2()).trim();
            java.util.regex.Matcher m = COMPOUND_MEASURE.matcher(x);
            if (!m.matches() || !m.group(2).equals(hk) && !m.group(2).equals(pk)) continue;
            boolean order = m.group(1).endsWith("order");
            Bound b = c.kb.size(order ? "1UL << " + limit : limit).map(rr -> c.bound(rr, is)).orElse(null);
            if (b != null && b.bounded()) return new Bound(true, x + " below " + limit, b.clause(), b.line());
        }
        return null;
    }

    /** The order or size of a compound page or folio, written as a call on it. */
    private static final java.util.regex.Pattern COMPOUND_MEASURE =
            java.util.regex.Pattern.compile("^(compound_order|folio_order|compound_nr|folio_nr_pages)\\((.+)\\)$");

    /** The model's name for a page minus the head of its own compound page. */
    private static final String OWN_INDEX_BUILTIN = "page_index_in_compound";

    /** The argument (as written, without blanks) of {@code e} when it is a call the model says returns its argument's head or folio. */
    private String headArgOf(IASTExpression e) {
        if (e == null) return null;
        String fn = null;
        java.util.List<IASTExpression> args = new java.util.ArrayList<>();
        WrittenView.Invocation inv = c.view.rootedAt(e);
        if (inv != null && inv.functionLike()) {
            fn = inv.name();
            args.addAll(inv.args());
        } else if (e instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression id) {
            fn = id.getName().toString();
            for (var a : call.getArguments()) if (a instanceof IASTExpression ae) args.add(ae);
        }
        if (fn == null) return null;
        var ef = c.kb.call(fn);
        if (ef.isEmpty() || ef.get().result() != dev.mmlint.engine.knowledge.ApiEffect.Result.HEAD_OF_ARG
                && ef.get().result() != dev.mmlint.engine.knowledge.ApiEffect.Result.FOLIO_OF_ARG) return null;
        int i = ef.get().resultArg();
        return i >= 0 && i < args.size() ? args.get(i).getRawSignature().replaceAll("\\s+", "") : null;
    }

    /**
     * The argument (without blanks) of the head-or-folio call the enclosing function last assigned to
     * {@code path} ({@code fi->folio = page_folio(bvec->bv_page)}) before {@code at}, or declared it with; null
     * when the last such write before {@code at} is anything else.
     */
    private String assignedHeadArg(String path, IASTNode at) {
        IASTNode fn = at;
        while (fn != null && !(fn instanceof IASTFunctionDefinition)) fn = fn.getParent();
        if (fn == null) return null;
        int before = offset(at);
        String[] last = {null};
        int[] lastAt = {-1};
        fn.accept(new ASTVisitor(true) {
            { shouldVisitDeclarators = true; }
            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression a && a.getOperator() == IASTBinaryExpression.op_assign
                        && offset(a) < before && offset(a) > lastAt[0] && path.equals(Ast.path(a.getOperand1()))) {
                    lastAt[0] = offset(a);
                    last[0] = headArgOf(strip(a.getOperand2()));
                    if (last[0] == null) last[0] = headArgOf(a.getOperand2());
                }
                return PROCESS_CONTINUE;
            }
            @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTDeclarator d) {
                if (d.getName() != null && path.equals(d.getName().toString()) && offset(d) < before && offset(d) > lastAt[0]
                        && d.getInitializer() instanceof org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer ei
                        && ei.getInitializerClause() instanceof IASTExpression ie) {
                    lastAt[0] = offset(d);
                    last[0] = headArgOf(strip(ie));
                    if (last[0] == null) last[0] = headArgOf(ie);
                }
                return PROCESS_CONTINUE;
            }
        });
        return last[0];
    }

    /** Whether {@code e} is a call, as parsed or as written (a macro such as pte_page() may expand to something else). */
    private static boolean isCall(IASTExpression e) {
        return strip(e) instanceof IASTFunctionCallExpression || WRITTEN_CALL.matcher(e.getRawSignature()).matches();
    }

    /** Whether the text of {@code e} contains that of {@code other} as a whole name or expression. */
    private static boolean mentions(IASTExpression e, IASTExpression other) {
        String t = other.getRawSignature().replaceAll("\\s+", "");
        if (t.isEmpty()) return true;
        String in = e.getRawSignature().replaceAll("\\s+", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_>.])" + java.util.regex.Pattern.quote(t) + "(?![A-Za-z0-9_])").matcher(in);
        return m.find();
    }

    /** The model's name for the difference of two page pointers nothing relates. */
    private static final String DISTANCE_BUILTIN = "page_distance";

    /**
     * A page pointer {@code var} stepped at {@code at} inside a loop that also looks it up again by a call
     * ({@code var = pfn_to_page(page_to_pfn(page) + i)}, {@code nth_page()}) under a test of a size the model
     * bounds by one buddy block ({@code if ((i & (MAX_ORDER_NR_PAGES - 1)) == 0)}: the open-coded
     * mem_map_next()): between two look-ups it moves at most that far, whatever the loop's count. Returns
     * that size's bound; null when the loop does not do so.
     */
    private Bound rederivedEvery(IASTNode at, String var) {
        IASTStatement loop = null;
        for (IASTNode p = at.getParent(); p != null && !(p instanceof IASTFunctionDefinition); p = p.getParent())
            if (p instanceof IASTForStatement || p instanceof IASTWhileStatement || p instanceof IASTDoStatement) { loop = (IASTStatement) p; break; }
        if (loop == null) return null;
        Bound[] found = {null};
        loop.accept(new ASTVisitor(true) {
            @Override public int visit(IASTStatement st) {
                if (found[0] != null) return PROCESS_ABORT;
                if (!(st instanceof org.eclipse.cdt.core.dom.ast.IASTIfStatement is) || !assignsByCall(is.getThenClause(), var)) return PROCESS_CONTINUE;
                // the condition as written: its size names are macros the parser has expanded
                java.util.regex.Matcher m = IDENT.matcher(is.getConditionExpression().getRawSignature());
                while (found[0] == null && m.find())
                    found[0] = c.kb.size(m.group()).filter(r -> r.bounded()).map(r -> c.bound(r, is)).orElse(null);
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }

    /** A call as written (a macro such as pfn_to_page() expands to a statement expression). */
    private static final java.util.regex.Pattern WRITTEN_CALL = java.util.regex.Pattern.compile("^\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\(.*\\)\\s*$", java.util.regex.Pattern.DOTALL);

    private static final java.util.regex.Pattern IDENT = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Whether {@code st} assigns page variable {@code var} the value of a function call (a look-up, not arithmetic). */
    private static boolean assignsByCall(IASTStatement st, String var) {
        boolean[] yes = {false};
        if (st != null) st.accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign && var.equals(name(b.getOperand1()))
                        && isCall(b.getOperand2())) yes[0] = true;
                return PROCESS_CONTINUE;
            }
        });
        return yes[0];
    }

    /** How far the loop around {@code at} may run: its guard's bound; ONE_STEP outside a loop; null when not known. */
    Bound loopBound(IASTNode at) {
        if (inLoopBound) return null; // the loop condition itself advances the pointer
        inLoopBound = true;
        try {
            return loopBoundOf(at);
        } finally {
            inLoopBound = false;
        }
    }

    private Bound loopBoundOf(IASTNode at) {
        for (IASTNode p = at.getParent(); p != null; p = p.getParent()) {
            IASTExpression cond = null;
            if (p instanceof IASTForStatement f) cond = f.getConditionExpression();
            else if (p instanceof IASTWhileStatement w) cond = w.getCondition();
            else if (p instanceof IASTDoStatement d) cond = d.getCondition();
            else if (p instanceof IASTFunctionDefinition) return ContiguityModel.ONE_STEP; // not in a loop: one step
            if (p instanceof IASTForStatement || p instanceof IASTWhileStatement || p instanceof IASTDoStatement) {
                if (cond == null) return null;
                Bound[] worst = {null};
                cond.accept(new ASTVisitor(true) {
                    @Override public int visit(IASTExpression e) {
                        if (e instanceof IASTIdExpression id) worst[0] = ContiguityModel.worst(worst[0], c.st.ranges.of(id.getName().toString()));
                        return PROCESS_CONTINUE;
                    }
                });
                if (worst[0] == null && c.silently(cond) instanceof V.Cmp cmp) worst[0] = ContiguityModel.worst(ContiguityModel.boundOf(cmp.l()), ContiguityModel.boundOf(cmp.r()));
                return worst[0];
            }
        }
        return null;
    }

    /** A page value used while its speculative reference is unvalidated. */
    void use(IASTNode at, V.Page p, String how) {
        c.spec.use(offset(at), length(at), p.var() != null ? p.var() : at.getRawSignature(), p.v(), how);
    }

    /**
     * Page {@code p} used ({@code how}) at {@code at}: a use of an unvalidated speculative reference when it holds
     * one itself, or when its head or folio does ({@code head = compound_head(page); get_page_unless_zero(head)},
     * {@code folio = try_grab_folio_fast(page, ...)}) and the entry the page was looked up through is not re-read
     * yet: the page belongs to the compound page the get pinned only once the entry is found unchanged (a split
     * or a free rewrites it), so handing it on before is handing on what the reference does not yet cover. The
     * head's own re-check ({@code compound_head(page) == head}) is left to the uses of the head: GUP-fast
     * relies on the entry re-read for the page it hands out (4.6's gup_pte_range() asserts the head with
     * VM_BUG_ON_PAGE() after it; try_grab_folio() re-checks the folio inside).
     */
    void useIfSpeculative(IASTNode at, V.Page p, String how) {
        if (p.v().unvalidated()) {
            use(at, p, how);
            return;
        }
        String var = p.var();
        if (var == null || c.st.spec.reassigned(var)) return;
        // the head or folio holding the reference (the first by name where several do: the same on every run)
        String head = null;
        PageValue held = null;
        for (Map.Entry<String, PageValue> e : c.st.core.pages().entrySet()) {
            PageValue h = e.getValue();
            if (h.ref() != RefState.SPECULATIVE || !h.needEntry() || !var.equals(h.headOf()) || e.getKey().equals(var)) continue;
            if (head == null || e.getKey().compareTo(head) < 0) {
                head = e.getKey();
                held = h;
            }
        }
        if (held != null)
            c.spec.use(offset(at), length(at), head, held.withRef(held.ref(), held.refOrigin(), held.specApi(), false, true),
                    how + " (as its page '" + var + "')");
    }

    void escape(String var) { c.gup.escaped(c.st.gup, var); }

    /** A structure handed on whole ({@code cleanup(region)}): the GUP arrays held in its fields are the callee's business now. */
    void escapeRooted(String var) { for (String p : c.st.gup.pathsRootedAt(var)) c.gup.escaped(c.st.gup, p); }

    /** An entry of GUP array {@code var} stored elsewhere: its references are handed on, to whoever reads that. */
    private void storedOut(String var, IASTExpression entry, org.eclipse.cdt.core.dom.ast.IASTNode at) {
        c.gup.entryHandedOver(c.st.gup, var, entry, at);
        c.st.gup.storedOut(var);
    }

    boolean isPagePointer(IASTExpression e) {
        String n = name(e);
        if (n != null) return c.facts.pageVars().contains(n) || (c.st.core.hasPage(n) && c.st.core.page(n).shape() != Shape.FOLIO
                && !c.facts.folioVars().contains(n));
        // an expression: ask its C type (struct page *), where the parser resolved it
        return Ast.isPagePointerType(e);
    }
}
