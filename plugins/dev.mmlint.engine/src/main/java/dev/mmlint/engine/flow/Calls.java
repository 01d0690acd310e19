package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.length;
import static dev.mmlint.engine.flow.Ast.name;
import static dev.mmlint.engine.flow.Ast.offset;
import static dev.mmlint.engine.flow.Ast.strip;

import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.engine.knowledge.AppliedClause;
import dev.mmlint.engine.knowledge.RangeClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * Calls, in the shared core: a call the model knows dispatches each of its argument effects to the
 * concern model that owns it (GET/PUT/PIN and array effects to GUP holdings, SPECULATIVE_GET/RECHECK to
 * speculative references, PUBLISH/SET_COUNT/PREPARE/FREEZE to compound preparation, DECIDES_EXCLUSIVE
 * to exclusivity, REQUIRES_HEAD to shape) and makes its result value; a function of the same unit
 * applies its summary; assertions refine the state.
 */
final class Calls {
    /** The longest argument text carried into a callee ({@link CallerContext#texts()}). */
    private static final int ARG_TEXT_MAX = 80;

    private final TransferContext c;
    /** offsets of the macro invocations whose arguments' field reads were reported (reporting pass) */
    private final java.util.Set<Integer> readsScanned = new java.util.HashSet<>();

    Calls(TransferContext c) { this.c = c; }

    V call(IASTFunctionCallExpression call) {
        IASTExpression fn = call.getFunctionNameExpression();
        String name = fn instanceof IASTIdExpression id ? id.getName().toString() : null;
        List<IASTExpression> args = new ArrayList<>();
        for (IASTInitializerClause a : call.getArguments()) args.add(a instanceof IASTExpression x ? x : null);
        if (name == null) { c.ex.eval(fn); }
        return apply(name, args, call);
    }

    V invocation(WrittenView.Invocation inv, IASTExpression expanded) {
        if (!inv.functionLike()) {
            Optional<RangeClass> s = c.kb.size(inv.name());
            return s.isPresent() ? new V.Int(c.bound(s.get(), expanded), null, null) : V.UNKNOWN;
        }
        if (c.kb.assertion(inv.name()).isPresent()) { assertionAt(inv); return V.UNKNOWN; }
        return apply(inv.name(), inv.args(), expanded);
    }

    /**
     * A macro judged as written (VM_BUG_ON_PAGE(cond, page), WARN_ON_ONCE(cond)): the head-only fields its
     * arguments read are reads (once per invocation); after a known assertion, cond is false.
     */
    void assertionAt(WrittenView.Invocation inv) {
        if (!inv.functionLike()) return;
        if (c.reporting() && readsScanned.add(inv.offset())) for (IASTExpression a : inv.args()) if (a != null) headOnlyReads(a);
        assertion(inv.name(), inv.args(), inv.argTexts(), inv.offset());
    }

    /**
     * The head-only fields read through pages in {@code e}, an argument of a macro judged as written (the
     * condition of VM_BUG_ON_PAGE() or WARN_ON()): a read like any other, whatever the macro makes of it.
     * Only the reads are reported; the value is the macro's business.
     */
    private void headOnlyReads(IASTExpression e) {
        e.accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression x) {
                if (!(x instanceof IASTFieldReference f) || !f.isPointerDereference()) return PROCESS_CONTINUE;
                if (strip(f).getParent() instanceof IASTUnaryExpression pu && pu.getOperator() == IASTUnaryExpression.op_amper) return PROCESS_CONTINUE;
                String fieldName = f.getFieldName().toString();
                Optional<AppliedClause> headOnly = c.kb.headOnlyField(fieldName);
                if (headOnly.isEmpty()) return PROCESS_CONTINUE;
                if (c.silently(f.getFieldOwner()) instanceof V.Page p && p.v().shape() != Shape.FOLIO)
                    c.ex.fieldAccessed(f, p, fieldName, headOnly.get(), false);
                return PROCESS_CONTINUE;
            }
        });
    }

    private void assertion(String name, List<IASTExpression> args, List<String> argTexts, int off) {
        Optional<Integer> a = c.kb.assertion(name);
        if (a.isEmpty() || a.get() >= args.size()) return;
        IASTExpression cond = args.get(a.get());
        if (cond == null) return;
        V v = c.silently(cond);
        // contract: asserting a parameter is not a tail makes the function head-only for it
        if (v instanceof V.Test t && t.kind() == ApiEffect.Result.IS_TAIL && c.learning())
            c.shape.asserted(c.st.core.page(t.var()), t.var(), name + "(" + String.join(", ", argTexts) + ")", c.line(off), c.pathCondition(Map.of()));
        c.transfer.refine(v, false);
    }

    private static final dev.mmlint.engine.ast.WrittenView.Memo<Integer> CALL_OFFSET = dev.mmlint.engine.ast.WrittenView.Memo.of();

    /** Where the call {@code at} was written ({@link Ast#offsetOfCall}), asked once per node and unit. */
    private int callOffset(IASTExpression at) {
        return c.view.memo(CALL_OFFSET, at, n -> Ast.offsetOfCall((IASTExpression) n));
    }

    private V apply(String name, List<IASTExpression> args, IASTExpression at) {
        if (Ast.isExpect(name)) {
            V v = args.isEmpty() ? V.UNKNOWN : c.ex.eval(args.get(0));
            for (int i = 1; i < args.size(); i++) c.ex.eval(args.get(i));
            return v;
        }
        if (name != null && c.kb.assertion(name).isPresent()) {
            List<String> texts = new ArrayList<>();
            for (IASTExpression a : args) texts.add(a == null ? "" : a.getRawSignature());
            assertion(name, args, texts, at == null ? 0 : callOffset(at));
            return V.UNKNOWN;
        }
        List<V> vals = new ArrayList<>();
        for (IASTExpression a : args) vals.add(a == null ? V.UNKNOWN : c.ex.eval(a));
        Optional<ApiEffect> effect = name == null ? Optional.empty() : c.kb.call(name);
        // frees_block is a fact about a variable for the whole function (FreedBlocks), not an effect of the call
        if (effect.isPresent() && effect.get().factsOnly()) effect = Optional.empty();
        FunctionSummary sum = name == null || effect.isPresent() ? null : c.summaries.apply(name);
        int off = at == null ? 0 : callOffset(at);
        int line = c.line(off);
        if (c.reporting() && at instanceof IASTFunctionCallExpression call) negativeCount(name, call, effect, args, off);
        if (effect.isPresent()) {
            ApiEffect ef = effect.get();
            List<PageValue> pvs = new ArrayList<>();
            for (V v : vals) pvs.add(v instanceof V.Page p ? p.v() : null);
            c.emit(new Event.Call(off, length(at), name, ef, pvs));
            boolean consumes = false;
            // re-checks first: a call that tests what the page is (isolate_lru_page) may also need a head
            List<ArgEffect> ordered = new ArrayList<>(ef.args());
            ordered.sort(Comparator.comparing(a -> a.kind() != ArgEffect.Kind.RECHECK));
            for (ArgEffect a : ordered) {
                if (a.index() >= args.size()) continue;
                IASTExpression ax = args.get(a.index());
                V av = vals.get(a.index());
                String var = name(ax);
                Boolean holds = a.when() == null ? Boolean.TRUE : CallConditions.holds(c, a.when(), args);
                if (holds == null) {
                    // pins or references as a flag of a variable says (the internal GUP calls and their gup_flags)
                    if (undecidedFill(ef, a, args, ax, av, var, off, line, requested(ef, vals))) continue;
                    // the condition is not known here: a release may have happened, nothing else is assumed
                    consumes |= releaseUnknown(a, ax, av, var);
                    continue;
                }
                if (!holds) continue;
                consumes |= argEffect(name, a, ax, av, var, off, line, requested(ef, vals), askedVariable(ef, args), releaseCount(ef, args));
            }
            // sg_set_page(sg, pages[i], ...): the page is reached through the entry from here
            if (name != null) { Optional<ApiKnowledge.PageStore> ps = c.kb.storesPage(name); if (ps.isPresent()) storedInEntry(args, ps.get()); }
            // get_page(page): a page split away from the reference on its head is held again
            for (ArgEffect a : ef.args())
                if (a.kind() == ArgEffect.Kind.GET && a.index() < args.size()) c.spec.rejoined(c.st.spec, name(args.get(a.index())));
            boolean validation = switch (ef.result()) {
                case HEAD_OF_ARG, FOLIO_OF_ARG, IS_TAIL, IS_HEAD, IS_THP, IS_COMPOUND, HEAD_IF_ZERO, IS_HUGETLB, MAPCOUNT, EXCLUSIVE_VERDICT, SAME_AS_ARG, PFN_OF_ARG -> true;
                // a page handed to a hugetlb-only helper is not thereby used (nothing known about it changes but its extent),
                // nor one whose state in the hugetlb allocator is asked (a question about the page, not a use of its reference)
                default -> ef.args().stream().anyMatch(a -> a.kind() == ArgEffect.Kind.RECHECK)
                        || !ef.args().isEmpty() && ef.args().stream().allMatch(a -> a.kind() == ArgEffect.Kind.IN_HUGETLB
                                || a.kind() == ArgEffect.Kind.HUGETLB_STATE || a.kind() == ArgEffect.Kind.REQUIRES_HUGETLB);
            };
            if (!consumes && !validation)
                for (int i = 0; i < vals.size(); i++)
                    if (vals.get(i) instanceof V.Page p) c.ex.useIfSpeculative(args.get(i), p, "passed to " + name + "()");
            if (ef.result() == ApiEffect.Result.WAITS_FOR_WALKERS) c.compound.walkersWaited(c.st.compound);
            if (!validation) splitUses(name, args, vals);
            if (ef.capsResult()) return ContiguityModel.capped(ef, vals);
            if (ef.result() == ApiEffect.Result.PFN_OF_ARG && ef.resultArg() >= 0 && ef.resultArg() < args.size()) pfnOfEntry(args.get(ef.resultArg()), at);
            return Results.of(c, name, ef, args, vals, off, at);
        }
        splitUses(name, args, vals);
        // a possibly-tail page passed to a function all of whose callers are in the unit: the callee,
        // analysed under its callers' context, judges it where it uses it as a head; a page this function
        // owns (gives its identity) is no tail it can be told about, and the callee is told it is the owner's
        Map<Integer, PageValue> tails = new java.util.HashMap<>();
        java.util.Set<Integer> owned = new java.util.TreeSet<>();
        for (int i = 0; i < vals.size(); i++) if (vals.get(i) instanceof V.Page p && c.owns(p.var())) owned.add(i);
        if (sum != null && c.closed.contains(name))
            for (int i = 0; i < vals.size(); i++) {
                PageValue t = vals.get(i) instanceof V.Page p && !owned.contains(i) ? c.shape.passedTail(p.v()) : null;
                if (t != null) tails.put(i, passedOn(t, args.get(i), name));
            }
        if (sum != null && c.sink != null && c.closed.contains(name)) c.sink.callsWithOwned(name, owned);
        if (sum != null && c.sink != null) c.sink.callsAfterWalkers(name, c.st.compound.walkersWaited());
        // the arguments that are page-table entries this path walked into as tables (free_pmd_table(pmd, pud) after pmd_offset(pud, 0))
        if (sum != null && c.sink != null && c.closed.contains(name)) {
            java.util.Set<Integer> walked = new java.util.TreeSet<>();
            for (int i = 0; i < args.size(); i++) if (c.st.core.walkedAt(Ast.entryBase(args.get(i))) != null) walked.add(i);
            c.sink.callsWithTables(name, walked);
        }
        // f(&folio, ...): the callee hands back through the pointer a page or folio of the range it knows
        if (sum != null)
            sum.storedExtents().forEach((k, x) -> {
                if (k < vals.size() && vals.get(k) instanceof V.Addr a && (c.facts.pageVars().contains(a.var()) || c.facts.folioVars().contains(a.var())))
                    c.st.ranges.extent(a.var(), x);
            });
        if (sum != null && c.sink != null)
            for (int i = 0; i < args.size(); i++)
                c.sink.passes(name, i, V.sizeOf(vals.get(i)), Extents.of(c, args.get(i)), tails.get(i),
                        vals.get(i) instanceof V.Int n && n.var() != null ? c.st.ranges.orderOf(n.var()) : null,
                        c.closed.contains(name) && vals.get(i) instanceof V.Page p && live(p.v()) ? heldOn(p.v(), args.get(i), name) : null);
        // the arguments written with a size the model knows by name (PUD_SIZE, huge_page_size(h)): the callee's
        // expressions written with the parameter are classified with the argument put in its place
        if (sum != null && c.sink != null) {
            Map<Integer, String> texts = new java.util.TreeMap<>();
            for (int i = 0; i < args.size(); i++) {
                if (vals.get(i) instanceof V.Page) continue;
                String t = c.ex.sizeText(args.get(i)).trim().replaceAll("\\s+", " ");
                if (t.length() <= ARG_TEXT_MAX && c.kb.sizeVocabulary(t)) texts.put(i, t);
            }
            if (!texts.isEmpty()) c.sink.passesTexts(name, texts);
        }
        if (sum != null) {
            for (Map.Entry<Integer, FunctionSummary.Requirement> r : sum.requiresHead().entrySet()) {
                int k = r.getKey();
                // the callee reports its own head-only use of this tail; a contract it asserts is the caller's to keep
                if (tails.containsKey(k) && !r.getValue().contract() && r.getValue().when().isEmpty()) continue;
                // a page this function owns is no tail there: what the callee's body reads of it is the owner's to read
                if (owned.contains(k) && !r.getValue().contract()) continue;
                Map<Integer, Boolean> carried = CallConditions.carried(c, r.getValue().when(), args);
                // a requirement learned from the callee's body: the head-only contract clause backs it
                if (carried != null && k < vals.size() && vals.get(k) instanceof V.Page p) headRequired(name, k, args.get(k), p, null,
                        (r.getValue().contract() ? "asserts it is not a tail: " : "") + r.getValue().because() + " (line " + r.getValue().line() + ")",
                        carried);
            }
            // where the model makes the callee a tail source only in other versions, its word beats the body's
            if (sum.returnsMaybeTail() && !c.kb.tailSourceOnlyElsewhere(name)) {
                PageValue rv = sum.returned();
                return new V.Page(PageValue.of(Shape.MAYBE_TAIL, c.origin(off, name + "() (" + rv.origin() + ")"), rv.originClause())
                        .step(new WitnessStep("lookup", name, line)), null);
            }
        }
        if (name != null && at != null) {
            // a size the model classifies (pages_per_huge_page(h), folio_nr_pages(folio))
            Bound size = c.ex.sizeOfText(at);
            // a pointer-valued call the model classifies is a range's start (slab_page()), not a size
            if (size != null && !Ast.isPointer(at.getExpressionType())) return new V.Int(size, null, null);
        }
        // an unknown call: arrays handed to it are its business now, and so are the arrays held in fields of a
        // structure handed to it (cleanup(region) may release region->pages)
        for (int i = 0; i < vals.size(); i++) {
            if (vals.get(i) instanceof V.Addr a) { c.ex.escape(a.var()); c.ex.escapeRooted(a.var()); }
            String n = Ast.path(args.get(i));
            if (n != null) c.ex.escape(n);
            if (n != null && n.equals(name(args.get(i)))) c.ex.escapeRooted(n);
        }
        return V.UNKNOWN;
    }

    /** The array whose entries from some index on {@code ax} designates ({@code &pages[i]}, {@code pages + i}), or null. */
    private static String restOf(IASTExpression ax) {
        IASTExpression x = ax == null ? null : strip(ax);
        if (x instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper
                && strip(u.getOperand()) instanceof IASTArraySubscriptExpression sub) return Ast.path(sub.getArrayExpression());
        if (x instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression b && b.getOperator() == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_plus)
            return Ast.path(b.getOperand1());
        return null;
    }

    /** The counted releases of the unit's functions, by name (asked once per function analysed). */
    private final Map<String, List<NegativeCounts.CountedRelease>> countedReleases = new java.util.HashMap<>();

    /**
     * A release whose count is unsigned, handed a GUP count that may still be a negative errno on this path
     * ({@code qp_release_pages(pages, ret)} on the branch {@code ret < nr}, which a failed GUP takes too).
     */
    private void negativeCount(String name, IASTFunctionCallExpression call, Optional<ApiEffect> effect, List<IASTExpression> args, int off) {
        // only a call handed a count that may be negative here can be one (the callee's release is looked up then)
        boolean any = false;
        for (IASTExpression a : args) {
            String n = a == null ? null : name(a);
            if (n != null && c.st.gup.shorts().mayBeNegative(n)) { any = true; break; }
        }
        if (!any) return;
        for (NegativeCounts.CountedRelease r : NegativeCounts.of(call, effect, c.kb, countedReleases)) {
            if (r.count() >= args.size() || r.array() >= args.size() || args.get(r.count()) == null || args.get(r.array()) == null) continue;
            String cnt = name(args.get(r.count()));
            if (cnt == null || !c.st.gup.shorts().mayBeNegative(cnt)) continue;
            String arr = c.st.gup.mayCount(cnt);
            ArrayHold h = arr == null ? null : c.st.gup.hold(arr);
            if (h == null) continue;
            IASTExpression ax = Ast.strip(args.get(r.array()));
            String given = name(ax) != null ? name(ax) : ax.getRawSignature().replaceAll("\\s+", "");
            if (!arr.equals(given)) continue;
            // a model release where nothing was taken is reported as such (Event.Release)
            if (effect.isPresent() && h.status() == ArrayHold.Status.NONE) continue;
            c.emit(new Event.NegativeCount(off, length(call), name, arr, cnt, h, r.param(), r.line()));
        }
    }

    /**
     * A release of an entry of {@code array} in a walk whose test compares, as a huge unsigned number, a count
     * that may still be the negative errno of the GUP call that filled it ({@code nr_pages = pinned} with an
     * unsigned {@code nr_pages}, then {@code for (i = 0; i < nr_pages; i++) put_page(pages[i])}): the walk
     * goes past the entries GUP filled, and past the array.
     */
    private void negativeWalk(String array, IASTExpression ax, int off, String api) {
        ArrayHold h = c.st.gup.hold(array);
        if (h == null || h.status() == ArrayHold.Status.NONE) return;
        IASTExpression cond = null;
        for (org.eclipse.cdt.core.dom.ast.IASTNode p = ax; p != null && !(p instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition); p = p.getParent()) {
            if (p instanceof org.eclipse.cdt.core.dom.ast.IASTForStatement f) { cond = f.getConditionExpression(); break; }
            if (p instanceof org.eclipse.cdt.core.dom.ast.IASTWhileStatement w) { cond = w.getCondition(); break; }
            if (p instanceof org.eclipse.cdt.core.dom.ast.IASTDoStatement d) { cond = d.getCondition(); break; }
        }
        if (cond == null) return;
        String n = NegativeCounts.unsignedBound(cond, array, c.st.gup);
        if (n != null) c.emit(new Event.NegativeCount(off, length(ax), api, array, n, h, cond.getRawSignature().replaceAll("\\s+", " "), -1));
    }

    /**
     * {@code api} takes a plain reference on {@code *out} or {@code out[i]}, {@code out} a {@code struct page **}
     * parameter of the function analysed, which also has a parameter its body tests against FOLL_* bits (the
     * flags of a GUP walk): unless a branch on this path found FOLL_PIN clear (or FOLL_GET set) in it, the
     * caller may have asked for a pin, and the page goes back to it holding a reference it will unpin.
     */
    private void refForFlags(String api, IASTExpression ax, int off, int line) {
        if (c.gupFlagParams.isEmpty() || c.pageOutParams.isEmpty() || ax == null) return;
        Optional<AppliedClause> clause = c.kb.clause(ApiKnowledge.GRAB_AS_FLAGS_SAY);
        if (clause.isEmpty() || !clause.get().applies()) return;
        IASTExpression x = strip(ax);
        String out = null;
        if (x instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_star) out = name(u.getOperand());
        else if (x instanceof IASTArraySubscriptExpression sub) out = name(sub.getArrayExpression());
        if (out == null || !c.pageOutParams.contains(out)) return;
        for (String f : c.gupFlagParams) {
            // the flags say a plain reference on this path: FOLL_PIN tested clear, or FOLL_GET tested set
            if (Boolean.FALSE.equals(c.st.gup.flagTruth(f, "FOLL_PIN")) || Boolean.TRUE.equals(c.st.gup.flagTruth(f, "FOLL_GET"))) return;
        }
        c.emit(new Event.RefNotAsFlagsSay(off, length(ax), api, out, c.gupFlagParams.iterator().next(), line, clause.get()));
    }

    /** Pages handed to {@code callee}: the first use of a page a split left out of the reference on its head. */
    private void splitUses(String callee, List<IASTExpression> args, List<V> vals) {
        for (int i = 0; i < vals.size(); i++)
            if (vals.get(i) instanceof V.Page && args.get(i) != null)
                c.spec.splitUse(c.st.spec, name(args.get(i)), offset(args.get(i)), length(args.get(i)), "passed to " + (callee == null ? "a call" : callee + "()"));
    }

    /**
     * An order-0 page whose refcount others may hold: one the model says is handed out refcounted and
     * reachable by pfn (its clause says so), the page itself rather than one reached by stepping from it.
     */
    private static boolean live(PageValue pv) {
        return pv.shape() == Shape.SMALL && !pv.subpage() && pv.originClause() != null && pv.ref() == RefState.NONE;
    }

    /** Live page {@code pv}, passed as argument {@code ax} to {@code callee}: inside the callee it comes from this call site. */
    private PageValue heldOn(PageValue pv, IASTExpression ax, String callee) {
        String from = pv.origin() == null ? "a refcounted page" : pv.origin().what() + " (line " + pv.origin().line() + ")";
        String arg = ax == null ? "it" : ax.getRawSignature().replaceAll("\\s+", " ");
        String by = c.function == null ? "" : " by " + c.function + "()";
        return pv.withShape(Shape.SMALL, c.origin(offset(ax), from + ", passed as " + arg + " to " + callee + "()" + by), pv.originClause());
    }

    /**
     * Tail {@code t}, passed as argument {@code ax} to {@code callee}: inside the callee it comes from
     * this call site, and still names where it was looked up.
     */
    private PageValue passedOn(PageValue t, IASTExpression ax, String callee) {
        String from = t.origin() == null ? "a possible tail" : t.origin().what() + " (line " + t.origin().line() + ")";
        String arg = ax == null ? "it" : ax.getRawSignature().replaceAll("\\s+", " ");
        String by = c.function == null ? "" : " by " + c.function + "()";
        PageValue.Origin o = c.origin(offset(ax), from + ", passed as " + arg + " to " + callee + "()" + by);
        return t.withShape(Shape.MAYBE_TAIL, o, t.originClause());
    }

    /** Hands one argument effect to the model that owns it. @return true when the call consumes the reference (put, unpin) */
    private boolean argEffect(String api, ArgEffect a, IASTExpression ax, V av, String var, int off, int line, Long requested, String askedVar,
                              IASTExpression releaseCount) {
        FlowState st = c.st;
        PageValue pv = av instanceof V.Page p ? p.v() : PageValue.UNKNOWN;
        switch (a.kind()) {
            case REQUIRES_HEAD -> { if (av instanceof V.Page p) headRequired(api, a.index(), ax, p, a.clause(), null, Map.of()); }
            case GET -> {
                if (var != null && av instanceof V.Page p) {
                    c.gup.get(st.core, var, p.v(), c.origin(off, api + "()"), api, line);
                    optionalKeeper(api, ax, var, off, a.clause());
                }
                if (c.reporting()) refForFlags(api, ax, off, line);
            }
            case SPECULATIVE_GET -> c.spec.tried(st.spec, var, pv, off, length(ax), api, ax == null ? "" : ax.getRawSignature(), a.clause());
            case RECHECK -> c.spec.rechecked(st.spec, var);
            case HUGETLB_STATE -> { if (var != null) st.spec.notHugetlb(var); }
            case REQUIRES_HUGETLB -> c.spec.hugetlbRequired(st, var, pv, off, length(ax), api, ax == null ? "" : ax.getRawSignature(), a.clause());
            case PIN_ARRAY, GET_ARRAY -> fill(api, a, ax, av, var, off, line, requested, askedVar, null);
            case PUT, UNPIN -> {
                if (c.own != null && c.own.array().equals(arrayOfElement(ax))) st.gup.ownReleased();
                c.spec.released(st.spec, pageOfPfn(var, av));
                String walked = arrayOfElement(ax);
                if (walked == null && var != null) walked = st.gup.shorts().elementOf(var);
                if (walked != null && c.reporting()) negativeWalk(walked, ax, off, api);
                String releasedFrom = walked;
                // if (pages[i]) put_page(pages[i]) over a zero-filled array: entries a short GUP left are NULL, unless
                // entries released earlier were left in place and GUP filled the array again (then they are not NULL)
                if (walked != null && ax != null && c.zeroFilled(walked, ax) && !st.gup.shorts().stale(walked) && ZeroedArrays.nonNullGuarded(ax))
                    walked = null;
                c.gup.releasedInWalk(st.gup, walked, GupModel.walkBounds(ax), off, length(ax), api, a.kind() == ArgEffect.Kind.UNPIN, a.clause());
                st.gup.shorts().entriesReleased(releasedFrom);
                String element = arrayOfElement(ax);
                // unpin_user_page(sg_page(sg)): the page a stored_in call stored in that entry
                if (element == null) element = storedEntryArray(ax);
                c.gup.releasedPage(st, pageOfPfn(var, av), element, off, length(ax), api, a.kind() == ArgEffect.Kind.UNPIN, a.clause(),
                        c.origin(off, api + "()"));
                return true;
            }
            case UNPIN_ARRAY, PUT_ARRAY -> {
                String arr = av instanceof V.Addr ad ? ad.var() : var != null ? var : Ast.path(ax);
                // unpin_user_pages(&pages[i], n - i), release_pages(pages + i, n - i): the rest of a batch
                if ((arr == null || !st.gup.holds(arr)) && restOf(ax) != null && st.gup.holds(restOf(ax))) arr = restOf(ax);
                if (c.own != null && c.own.array().equals(arr)) st.gup.ownReleased();
                // unpin_user_pages(pages, n): a walk over n entries, judged as one
                if (arr != null && releaseCount != null)
                    c.gup.releasedInWalk(st.gup, arr, GupModel.names(releaseCount), off, length(ax), api, a.kind() == ArgEffect.Kind.UNPIN_ARRAY, a.clause());
                if (arr != null) c.gup.releasedArray(st.gup, arr, off, length(ax), api, a.kind() == ArgEffect.Kind.UNPIN_ARRAY, a.clause());
                st.gup.shorts().entriesReleased(arr);
                return true;
            }
            case PUBLISH, SET_COUNT -> c.compound.published(st.compound, var, pv, a.kind() == ArgEffect.Kind.SET_COUNT, off, length(ax), api, a.clause());
            case PREPARE -> c.compound.prepared(st.compound, var, pv, api, a.clause(), line);
            case MAKE_HEAD -> {
                c.compound.headMade(st.compound, var, pv, off, length(ax), api, a.clause());
                c.compound.prepared(st.compound, var, pv, api, a.clause(), line);
            }
            case FREEZE -> c.compound.frozen(st.compound, var);
            case INITIALISE -> {
                c.compound.initialised(st.compound, var);
                c.shape.initialised(st.core, var);
            }
            case NR_PAGES, RELEASE_COUNT -> { }
            case CAPS_RESULT -> { } // the call's value: ContiguityModel.capped()
            case FREE_BLOCK -> { } // a fact about the variable for the whole function: FreedBlocks, before the flow
            case FREES_MEMORY -> {
                // the array's memory, not its pages' references: what it holds is not handed on; an array held in a
                // field, freed while it still holds them, leaks them here (a local one leaks at the return)
                String p = Ast.path(ax);
                ArrayHold h = Ast.isFieldPath(p) ? st.gup.hold(p) : null;
                if (h != null && !h.local() && h.holding()) {
                    c.emit(new Event.Leak(off, length(ax), p, h));
                    st.gup.put(p, h.with(ArrayHold.Status.ESCAPED));
                }
            }
            case IN_HUGETLB -> {
                if (var != null && (av instanceof V.Page || c.facts.pageVars().contains(var) || c.facts.folioVars().contains(var)))
                    c.ranges.hugetlbPage(st, var, Extents.inHugetlb(c, api, a.clause(), line));
            }
            case DECIDES_EXCLUSIVE -> c.exclusive.decides(st.exclusive, api, line);
            case WALK_TABLE -> {
                String e = Ast.entryBase(ax);
                if (e != null && (c.facts.entryVars().contains(e) || c.facts.params().containsKey(e) || c.facts.locals().contains(e)))
                    st.core.walked(e, api + "() at line " + line);
            }
            case MAPPED_BY, MM -> { } // a fact about the pointer for the whole function: KernelTables, before the flow
            case REWRITE_MEMMAP -> c.compound.memmapRewritten(st.compound, ax == null ? "" : ax.getRawSignature().replaceAll("\\s+", " "), off,
                    api.length(), api, a.clause());
        }
        return false;
    }

    /**
     * {@code api} fills an array with pins or references ({@code pinVar} not null: pins where that variable has
     * the flag of {@code a}'s condition set, references where it is clear).
     */
    private void fill(String api, ArgEffect a, IASTExpression ax, V av, String var, int off, int line, Long requested, String askedVar,
                      String pinVar) {
        String arr = av instanceof V.Addr ad ? ad.var() : var;
        if (arr == null) arr = Ast.path(ax);
        if (arr == null && ax != null) arr = ax.getRawSignature().replaceAll("\\s+", "");
        if (arr != null)
            c.gup.filled(c.st, arr, a.kind() == ArgEffect.Kind.PIN_ARRAY, pinVar, pinVar == null ? null : a.when().flag(),
                    av instanceof V.Addr || c.facts.localArrays().contains(arr), av instanceof V.Addr, c.origin(off, api + "()"), a.clause(), api,
                    requested, askedVar, line);
    }

    /**
     * An array acquisition whose condition is not decided at the call, with the complementary acquisition of
     * the other kind beside it ({@code pages[]: pins when gup_flags has FOLL_PIN} and {@code gets_ref when
     * gup_flags lacks FOLL_PIN}): where one variable decides the flag, the array holds pins or references as
     * that variable says, which a later test of the same flag settles. @return true when handled (both halves)
     */
    private boolean undecidedFill(ApiEffect ef, ArgEffect a, List<IASTExpression> args, IASTExpression ax, V av, String var, int off, int line,
                                  Long requested) {
        if (a.when() == null || a.when().flag() == null) return false;
        if (a.kind() != ArgEffect.Kind.PIN_ARRAY && a.kind() != ArgEffect.Kind.GET_ARRAY) return false;
        ArgEffect pin = null;
        for (ArgEffect b : ef.args())
            if (b != a && b.index() == a.index() && a.when().complements(b.when())
                    && (b.kind() == ArgEffect.Kind.PIN_ARRAY || b.kind() == ArgEffect.Kind.GET_ARRAY) && b.kind() != a.kind())
                pin = a.kind() == ArgEffect.Kind.PIN_ARRAY ? a : b;
        if (pin == null) return false;
        if (a != pin) return true; // the pin half fills the array for both
        String fv = CallConditions.flagVariable(c, pin.when(), args);
        if (fv == null) return false;
        // the pins are the ones where the flag is set in the variable, the references where it is clear
        String pinVar = pin.when().clear() ? null : fv;
        if (pinVar == null) return false;
        fill(ef.name(), pin, ax, av, var, off, line, requested, askedVariable(ef, args), pinVar);
        return true;
    }

    /** A release that may or may not happen (condition unknown): the reference is no longer known to be held. */
    private boolean releaseUnknown(ArgEffect a, IASTExpression ax, V av, String var) {
        boolean release = switch (a.kind()) {
            case PUT, UNPIN, PUT_ARRAY, UNPIN_ARRAY -> true;
            default -> false;
        };
        if (!release) return false;
        var = pageOfPfn(var, av);
        String arr = av instanceof V.Addr ad ? ad.var() : var;
        if (arr == null) arr = Ast.path(ax);
        if (arr != null) c.ex.escape(arr);
        return true;
    }

    /** A pfn handed on names the page whose pfn it is (memory_failure(pfn, MF_COUNT_INCREASED)): that page's variable. */
    private String pageOfPfn(String var, V av) {
        if (av instanceof V.Pfn p && p.page() != null) return p.page();
        String page = var == null ? null : c.st.core.pageOfPfn(var);
        return page != null ? page : var;
    }

    /** The variable holding the number of pages a GUP call asked for ({@code nr_pages}, as written), or null. */
    private static String askedVariable(ApiEffect ef, List<IASTExpression> args) {
        for (ArgEffect a : ef.args())
            if (a.kind() == ArgEffect.Kind.NR_PAGES && a.index() < args.size()) return name(args.get(a.index()));
        return null;
    }

    /** The count argument of an array release ({@code n} of unpin_user_pages(pages, n)), or null. */
    private static IASTExpression releaseCount(ApiEffect ef, List<IASTExpression> args) {
        for (ArgEffect a : ef.args())
            if (a.kind() == ArgEffect.Kind.RELEASE_COUNT && a.index() < args.size()) return args.get(a.index());
        return null;
    }

    /** The constant number of pages a GUP call asked for, when the model names its count argument. */
    private static Long requested(ApiEffect ef, List<V> vals) {
        for (ArgEffect a : ef.args())
            if (a.kind() == ArgEffect.Kind.NR_PAGES && a.index() < vals.size() && vals.get(a.index()) instanceof V.Int i) return i.constant();
        return null;
    }

    private void headRequired(String api, int k, IASTExpression ax, V.Page p, AppliedClause clause, String because, Map<Integer, Boolean> when) {
        c.shape.headRequired(api, k, offset(ax), length(ax), c.line(offset(ax)), ax == null ? "" : ax.getRawSignature(), p.v(), p.var(),
                clause, because, c.pathCondition(when));
        c.spec.headUse(c.st.spec, p.var() != null ? p.var() : name(ax), api + "()", offset(ax));
    }

    /**
     * The pfn of an entry of a GUP array ({@code page_to_pfn(pages[i])}): code that turns the pages it took
     * into pfns (an IOMMU or a KVM mapping) hands their references on with the pfns, to be released by pfn
     * later; this function no longer holds them as an array.
     */
    private void pfnOfEntry(IASTExpression ax, IASTExpression at) {
        // kept (assigned, initialised, passed on), not only compared (page_to_pfn(pages[i]) > max_pfn)
        org.eclipse.cdt.core.dom.ast.IASTNode p = at == null ? null : at.getParent();
        while (p instanceof org.eclipse.cdt.core.dom.ast.IASTCastExpression || p instanceof IASTUnaryExpression u
                && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) p = p.getParent();
        boolean kept = p instanceof org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer || p instanceof IASTFunctionCallExpression
                || p instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression b && b.getOperator() == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_assign;
        if (!kept) return;
        String arr = arrayOfElement(ax);
        String var = name(ax);
        if (arr == null && var != null) arr = c.st.gup.shorts().elementOf(var);
        if (arr != null && c.st.gup.holds(arr)) c.gup.entryHandedOver(c.st.gup, arr, arrayOfElement(ax) != null ? ax : null, at);
    }

    /** A reference on page {@code var} kept only by a store into an output array parameter that may be NULL. */
    private void optionalKeeper(String api, IASTExpression ax, String var, int off, AppliedClause clause) {
        if (!c.learning() || ax == null) return;
        java.util.Set<String> outputs = new java.util.HashSet<>(c.facts.pageArrays());
        outputs.retainAll(c.facts.params().keySet());
        if (outputs.isEmpty()) return;
        OptionalOutput.Keeper k = OptionalOutput.of(ax, var, outputs);
        if (k != null) c.emit(new Event.RefForOptionalArray(off, Ast.length(ax.getParent() instanceof IASTExpression pe ? pe : ax), api, var, k.array(),
                c.line(offset(k.store())), clause));
    }

    /**
     * A call that stores a page of a GUP array in an entry ({@code sg_set_page(entry, pages[i], ...)}): a release of
     * the entry's stored page ({@code unpin_user_page(sg_page(entry))}) releases it. The store itself hands nothing
     * on: the function still owns the references until it releases them or hands on what holds the entry.
     */
    private void storedInEntry(List<IASTExpression> args, ApiKnowledge.PageStore ps) {
        if (ps.page() >= args.size() || ps.entry() >= args.size() || args.get(ps.page()) == null || args.get(ps.entry()) == null) return;
        IASTExpression px = args.get(ps.page());
        String arr = arrayOfElement(px), pv = name(px);
        if (arr == null && pv != null) arr = c.st.gup.shorts().elementOf(pv);
        if (arr == null && pv != null) arr = pv; // a page GUP filled through &page
        if (arr == null || !c.st.gup.holds(arr)) return;
        c.st.gup.entryStored(entryKey(args.get(ps.entry())), arr, ownEntry(args.get(ps.entry())));
    }

    /** The array whose page a stored_in call stored in the entry {@code ax} reads back ({@code sg_page(entry)}), or null. */
    private String storedEntryArray(IASTExpression ax) {
        if (ax == null || !(strip(ax) instanceof IASTFunctionCallExpression call)) return null;
        String fn = name(call.getFunctionNameExpression());
        Optional<Integer> k = fn == null ? Optional.empty() : c.kb.storedPage(fn);
        if (k.isEmpty() || k.get() >= call.getArguments().length || !(call.getArguments()[k.get()] instanceof IASTExpression e)) return null;
        return c.st.gup.entryArray(entryKey(e));
    }

    /** An entry argument as written, without white space ({@code &tab->page[i].mem}). */
    private static String entryKey(IASTExpression e) { return e.getRawSignature().replaceAll("\\s+", ""); }

    /**
     * The entry is the function's own: the variable it is named through ({@code &sg}, {@code sgl}, {@code &sgl[i]})
     * is a local that is no pointer (a scatterlist, or an array of them, on the stack). An exit path naming it
     * deals with the page stored there; one naming the root of an entry reached through a pointer says nothing.
     */
    private boolean ownEntry(IASTExpression e) {
        IASTExpression x = strip(e);
        if (x instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper) x = strip(u.getOperand());
        while (true) {
            if (x instanceof IASTArraySubscriptExpression sub) x = strip(sub.getArrayExpression());
            else if (x instanceof IASTFieldReference f && !f.isPointerDereference()) x = strip(f.getFieldOwner());
            else break;
        }
        return x instanceof IASTIdExpression id && c.facts.locals().contains(id.getName().toString()) && !Ast.isPointer(id.getExpressionType());
    }

    private static String arrayOfElement(IASTExpression ax) {
        if (strip(ax) instanceof IASTArraySubscriptExpression s) return Ast.path(s.getArrayExpression());
        return null;
    }
}
