package dev.mmlint.engine.flow;

import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.engine.knowledge.AppliedClause;
import dev.mmlint.frontend.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The speculative-reference model (MM003): a get that may fail (get_page_unless_zero, folio_try_get)
 * on a page that may be a tail; where its failure ends (a skip, or a value returned), what its success
 * leaves to re-check (the head, the entry it was looked up through), and the uses of a reference before
 * that re-check. Owns {@link SpeculativeFacts} and, for the reporting pass, the gets seen and their
 * outcome paths. Raises {@link Event.SpeculativeUse} at each use of an unvalidated speculative
 * reference, and {@link Event.SpeculativeGet} for each get, from {@link #finish()}, once the paths
 * after it are known.
 */
final class SpeculativeModel {
    private final Events events;
    private final SourceText text;
    private final Function<String, Optional<ApiEffect>> calls;
    private final Predicate<String> isParam;
    /** refcount.speculative-hugetlb-state, or null when the model lacks it */
    private final AppliedClause hugetlbState;
    /** Gets seen in the reporting pass, raised by {@link #finish()}. */
    private final List<Event.SpeculativeGet> gets = new ArrayList<>();
    /** get offset -> the value-returning exits its failure reaches (reporting pass) */
    private final Map<Integer, List<Exit>> failureExits = new HashMap<>();
    /** page variable -> the values returned where no get on it failed (not tried yet, or it succeeded) */
    private final Map<String, Set<String>> otherExits = new HashMap<>();
    /** get offset -> the value-returning exits its success reaches while its reference is held (reporting pass) */
    private final Map<Integer, List<Exit>> successExits = new HashMap<>();
    /** get offset -> the line of the get reached again after it failed, nothing settling the failure (reporting pass) */
    private final Map<Integer, Integer> retries = new HashMap<>();
    /** get offset -> the first head use of the page after the get succeeded and before a re-check */
    private final Map<Integer, String> headUses = new HashMap<>();
    /** offsets of the partial entry re-checks already raised (reporting pass) */
    private final Set<Integer> tableOwedSaid = new HashSet<>();
    /** Gets whose first unvalidated use was raised (reporting pass). */
    private final Set<Integer> useSaid = new HashSet<>();

    /**
     * A return statement reached: the value it returns (normalised), its line, and the integer constants
     * it may be on that path (null: not known to be a constant).
     */
    private record Exit(String value, int line, Set<Long> consts) {}

    /**
     * @param calls   the model's effects of calls (what a get must be validated by, its clause)
     * @param isParam whether a name is a parameter of the function (an entry it was handed is not re-read here)
     */
    SpeculativeModel(Events events, SourceText text, Function<String, Optional<ApiEffect>> calls, Predicate<String> isParam) {
        this(events, text, calls, isParam, null);
    }

    /** @param hugetlbState clause refcount.speculative-hugetlb-state, or null: a get on a hugetlb page is judged as any other */
    SpeculativeModel(Events events, SourceText text, Function<String, Optional<ApiEffect>> calls, Predicate<String> isParam,
                     AppliedClause hugetlbState) {
        this.hugetlbState = hugetlbState;
        this.events = events;
        this.text = text;
        this.calls = calls;
        this.isParam = isParam;
    }

    /** A get on {@code var} (value {@code pv}) by {@code api}: tried now; raised by {@link #finish()}. */
    void tried(SpeculativeFacts s, String var, PageValue pv, int off, int len, String api, String argText, AppliedClause clause) {
        if (var != null) {
            s.tried(var);
            s.takenThrough(var);
        }
        if (pv != null && pv.headOf() != null) s.takenThrough(pv.headOf());
        // reached again after it failed, with no loop going on to another page: the same slot looked up again
        if (events.reporting() && s.retries(off)) retries.putIfAbsent(off, text.line(off));
        if (events.reporting()) gets.add(new Event.SpeculativeGet(off, len, api, argText, var, pv, clause, null, null));
        // on a page a hugetlb test found true, with nothing asking since whether the hugetlb allocator is
        // still building or freeing it (refcount.speculative-hugetlb-state)
        Integer test = var == null ? null : s.hugetlbTest(var);
        if (test != null && hugetlbState != null && hugetlbState.applies() && events.reporting())
            events.emit(new Event.HugetlbSpeculative(off, len, api, argText, var, test, hugetlbState));
    }

    /**
     * {@code api} asserts that its argument {@code var} (value {@code pv}) is a hugetlb page: raised unless a
     * hugetlb test found it, or the page it is the head or folio of, true on every path reaching the call.
     */
    void hugetlbRequired(FlowState st, String var, PageValue pv, int off, int len, String api, String argText, AppliedClause clause) {
        if (!events.reporting() || clause == null || !clause.applies()) return;
        if (var != null && st.spec.knownHugetlb(var)) return;
        if (pv != null && pv.headOf() != null && st.spec.knownHugetlb(pv.headOf())) return;
        events.emit(new Event.HugetlbRequired(off, len, api, argText, var, clause));
    }

    /** A looked-up page is assigned to {@code var}: no get was tried on it yet when it holds no reference. */
    void assigned(SpeculativeFacts s, String var, PageValue pv) {
        if (pv.ref() == RefState.NONE) s.untried(var);
    }

    /** The outcome {@code g} of a get is {@code truth} on this edge. */
    void outcome(FlowState st, V.Spec g, boolean truth) {
        if (g.var() == null) return;
        if (!truth) {
            st.spec.failed(g.var(), g.offset());
            return;
        }
        st.spec.succeeded(g.var(), g.offset());
        PageValue pv = st.core.page(g.var());
        // a speculative get succeeds only on a non-zero refcount, and tail pages keep theirs at zero
        // (refcount.speculative-on-head): where it succeeded, the page was not a tail; what it is now
        // stays open until the code re-checks it (rechecks_page, a head/folio re-check)
        if (pv != null && pv.shape().mayBeTail()) {
            pv = pv.withShape(ShapeModel.notTail(pv), pv.origin(), pv.originClause());
            st.spec.unverified(g.var(), g.offset());
        }
        if (pv != null) st.core.putPage(g.var(), speculative(pv, g.api(), g.offset()));
    }

    /** The value of a page after {@code api} took a speculative reference on it: what must re-check it. */
    PageValue speculative(PageValue pv, String api, int off) {
        Set<String> by = calls.apply(api).map(ApiEffect::validatedBy).orElse(Set.of());
        boolean needHead = pv.headOf() != null && (by.contains("head_recheck") || by.contains("folio_recheck") || by.contains("xas_reload"));
        // the entry re-read belongs to the code that read the entry: one handed in by value by the caller
        // (which reads it under the page table lock) cannot be re-read here
        boolean readHere = pv.entryPtr() != null || (pv.fromEntry() != null && !isParam.test(pv.fromEntry()));
        boolean needEntry = readHere && (by.contains("pte_recheck") || by.contains("pmd_recheck"));
        PageValue ref = pv.withRef(RefState.SPECULATIVE, new PageValue.Origin(text.line(off), text.column(off), api + "()"), api, needHead, needEntry);
        // an entry read through a table mapped from a pmd copy: the copy must be re-checked as well
        if (pv.fromTable() != null && pv.entryPtr() != null && by.contains("pmd_recheck")) ref = ref.needingTable(pv.fromTable().pmd());
        return ref.step(new WitnessStep("speculative_get", api, text.line(off)));
    }

    /**
     * A split of the compound page of {@code var} by {@code api} (at {@code line}) succeeded on this edge: every
     * page variable {@code var} was computed as the head of ({@code var = compound_head(page)}, its headOf) is
     * a page of the former compound page that the reference held on {@code var} no longer covers, unless it
     * is {@code var} itself; each is remembered until it is used, held again or found equal to {@code var}.
     */
    void split(FlowState st, String var, String api, int line) {
        PageValue h = st.core.page(var);
        String page = h == null ? null : h.headOf();
        if (page == null || page.equals(var) || !st.core.hasPage(page)) return;
        st.spec.splitAway(page, new SpeculativeFacts.Split(var, api, line));
    }

    /** {@code var} holds a reference again (get_page()), or is found to be the page the split kept the reference on. */
    void rejoined(SpeculativeFacts s, String var) { if (var != null) s.rejoined(var); }

    /**
     * Page {@code var} is used ({@code how}) at [off, off+len): where a split left it out of the reference held
     * on its head and nothing took one on it since, the use is raised; either way it is its first use since
     * the split, and the later ones are not raised again.
     */
    void splitUse(SpeculativeFacts s, String var, int off, int len, String how) {
        SpeculativeFacts.Split sp = var == null ? null : s.splitOf(var);
        if (sp == null) return;
        s.rejoined(var);
        events.emit(new Event.SplitAway(off, len, var, sp.head(), sp.api(), sp.line(), how, resultClause(sp.api())));
    }

    private AppliedClause resultClause(String api) {
        return calls.apply(api).map(ApiEffect::resultClause).orElse(null);
    }

    /** {@code var} is NULL on this edge: a failed try_grab_folio holds nothing. */
    void nullOnEdge(PageFacts core, String var) {
        PageValue pv = core.page(var);
        if (pv != null && pv.ref() == RefState.SPECULATIVE) core.putPage(var, pv.withRef(RefState.NONE, null, null, false, false));
    }

    /** A failed get that reaches the head of a loop around it ([from, to)) goes on to the next page: a skip, settled. */
    void nextIteration(SpeculativeFacts s, int from, int to) { s.settleFailures(from, to); }

    /** The reference on {@code var} is dropped (put_page): what follows is no longer the success of its get. */
    void released(SpeculativeFacts s, String var) { if (var != null) s.released(var); }

    /** {@code var} is assigned the integer value {@code v}: a constant is remembered (the results of exits). */
    void assignedInt(SpeculativeFacts s, String var, V v) {
        if (v instanceof V.Int i && i.constant() != null) s.constant(var, i.constant());
    }

    /** A call re-checks what page {@code var} is. */
    void rechecked(SpeculativeFacts s, String var) { if (var != null) s.rechecked(var); }

    /**
     * A re-check ({@code at}: the condition) succeeded on this edge: the speculative references it covers are
     * validated. A pmd re-check of the copy a table was mapped from settles what is owed for that copy; an
     * entry re-check that leaves it owed is remembered where it happened (a partial validation).
     */
    void validated(FlowState st, ApiKnowledge.Validation c, PageValue.Site at) {
        if (c.head()) {
            String var = c.bindings().getOrDefault("head", c.bindings().get("folio"));
            PageValue h = var == null ? null : st.core.page(var);
            if (h != null) st.core.putPage(var, h.validated(true, false).step(new WitnessStep("validate", c.kind(), 0)));
            if (var != null) st.spec.rechecked(var);
            String page = c.bindings().get("page");
            if (page != null) st.spec.rechecked(page);
            return;
        }
        String entry = c.bindings().getOrDefault("pte", c.bindings().get("orig"));
        String ptr = c.bindings().getOrDefault("ptep", c.bindings().get("pmdp"));
        for (Map.Entry<String, PageValue> p : new ArrayList<>(st.core.pages().entrySet())) {
            PageValue v = p.getValue();
            if ((entry != null && entry.equals(v.fromEntry())) || (ptr != null && ptr.equals(v.entryPtr()))) {
                v = v.validated(false, true).step(new WitnessStep("validate", c.kind(), 0));
                if (v.needTable() != null && v.ref() == RefState.SPECULATIVE && at != null) v = v.partiallyValidated(at);
                st.core.putPage(p.getKey(), v);
            }
        }
    }

    /**
     * A re-check was made on this edge, whichever its outcome: a pmd copy compared with the pmd is no longer
     * owed by the references read through its table (where it changed, the code knows, and drops them).
     */
    void compared(FlowState st, ApiKnowledge.Validation c) {
        if (!"pmd_recheck".equals(c.kind())) return;
        String orig = c.bindings().get("orig");
        if (orig == null) return;
        for (Map.Entry<String, PageValue> p : new ArrayList<>(st.core.pages().entrySet()))
            if (orig.equals(p.getValue().needTable())) st.core.putPage(p.getKey(), p.getValue().tableValidated());
    }

    /**
     * The function returns ({@code line}) holding speculative references that an entry re-check validated while
     * the pmd copy their table was mapped from was never re-checked on the way: each is raised once, at that
     * entry re-check (reporting pass).
     */
    void exitWithTableOwed(FlowState st, int line) {
        if (!events.reporting()) return;
        for (Map.Entry<String, PageValue> p : new java.util.TreeMap<>(st.core.pages()).entrySet()) {
            PageValue v = p.getValue();
            if (v.ref() != RefState.SPECULATIVE || v.needTable() == null || v.partial() == null || !tableOwedSaid.add(v.partial().offset())) continue;
            AppliedClause by = v.fromTable() != null && v.fromTable().clause() != null ? v.fromTable().clause() : clause(v.specApi());
            events.emit(new Event.TableNotRechecked(v.partial().offset(), v.partial().length(), p.getKey(), v, v.needTable(), line, by));
        }
    }

    /** Page {@code var} used as a head ({@code what}, at {@code off}): remembered for the get whose success left it un-rechecked. */
    void headUse(SpeculativeFacts s, String var, String what, int off) {
        Integer get = var == null ? null : s.unverifiedGet(var);
        if (get != null && events.reporting()) headUses.putIfAbsent(get, what + " at line " + text.line(off));
    }

    /**
     * Page value {@code pv} (named {@code name}) is used ({@code how}) at [off, off+len) while its speculative
     * reference is unvalidated: raised at the get that took the reference (the line a reviewer points at, where
     * the re-check goes), for its first unvalidated use only; at the use when the get is not in this text.
     */
    void use(int off, int len, String name, PageValue pv, String how) {
        int at = off, atLen = len;
        PageValue.Origin o = pv.refOrigin();
        if (o != null && o.line() > 0 && o.line() <= text.lineCount() && o.column() > 0) {
            int g = text.lineStart(o.line()) + o.column() - 1;
            if (g < text.content().length() && text.line(g) == o.line()) {
                at = g;
                atLen = Math.max(1, o.what().endsWith("()") ? o.what().length() - 2 : o.what().length());
            }
        }
        if (!events.reporting() || (at != off && !useSaid.add(at))) return;
        events.emit(new Event.SpeculativeUse(at, atLen, off, name, pv, how, clause(pv.specApi())));
    }

    /**
     * The outcome of get {@code g} is returned at [off, off+len) ({@code return get_page_unless_zero(head);}):
     * where it is true, the reference goes to the caller with it, which is a use of it; one still owing
     * its re-checks (compound_head(page) == head, the entry re-read) is handed on unvalidated.
     */
    void returnedOutcome(FlowState st, V.Spec g, int off, int len) {
        PageValue pv = g.var() == null ? null : st.core.page(g.var());
        if (pv == null) return;
        PageValue ref = speculative(pv, g.api(), g.offset());
        if (ref.unvalidated()) use(off, len, g.var(), ref, "handed to the caller (returned as the get's result)");
    }

    /** The clause that obliges validation after the speculative reference {@code api} took. */
    private AppliedClause clause(String api) {
        if (api == null) return null;
        Optional<ApiEffect> ef = calls.apply(api);
        if (ef.isEmpty()) return null;
        for (ArgEffect a : ef.get().args()) if (a.kind() == ArgEffect.Kind.SPECULATIVE_GET) return a.clause();
        return ef.get().resultClause();
    }

    /**
     * A value-returning exit at {@code line} returning {@code value} (normalised), whose value is {@code v}:
     * the failures still unsettled end there; pages on which no get failed (not tried, or succeeded)
     * give the values returned for pages the function does not fail on; a get whose outcome is itself
     * returned ends its failure with the function's own result. Reporting pass only.
     */
    void exit(FlowState st, String value, int line, V v) {
        for (Map.Entry<String, Integer> f : st.spec.failures().entrySet())
            failureExits.computeIfAbsent(f.getValue(), k -> new ArrayList<>()).add(new Exit(value, line, constants(st.spec, f.getValue(), true, v)));
        for (Map.Entry<String, Integer> g : st.spec.successes().entrySet())
            successExits.computeIfAbsent(g.getValue(), k -> new ArrayList<>()).add(new Exit(value, line, constants(st.spec, g.getValue(), false, v)));
        for (Map.Entry<String, PageValue> p : st.core.pages().entrySet()) {
            if (st.spec.hasFailed(p.getKey()) && !st.spec.isUntried(p.getKey()) && p.getValue().ref() == RefState.NONE) continue;
            otherExits.computeIfAbsent(p.getKey(), k -> new HashSet<>()).add(value);
        }
        // return get_page_unless_zero(page): the failure is the function's own result
        boolean negated = v instanceof V.Not n && n.inner() instanceof V.Spec;
        if (v instanceof V.Spec || negated) {
            V.Spec sp = (V.Spec) (negated ? ((V.Not) v).inner() : v);
            failureExits.computeIfAbsent(sp.offset(), k -> new ArrayList<>()).add(new Exit(negated ? "1" : "0", line, null));
        }
    }

    /** The constants returned value {@code v} may be where get {@code get} failed ({@code failure}) or succeeded; null: unknown. */
    private static Set<Long> constants(SpeculativeFacts s, int get, boolean failure, V v) {
        if (!(v instanceof V.Int i)) return null;
        if (i.constant() != null) return Set.of(i.constant());
        return i.var() == null ? null : s.constants(get, failure, i.var());
    }

    /** The constants all exits may return (null when one of them is not known to be a constant, or there is none). */
    private static Set<Long> constants(List<Exit> exits) {
        if (exits.isEmpty()) return null;
        Set<Long> all = new TreeSet<>();
        for (Exit x : exits) {
            if (x.consts() == null) return null;
            all.addAll(x.consts());
        }
        return all;
    }

    /**
     * What the failure of get {@code g} does that is no skip, or null. Where the failure and the success
     * paths both end in known constants, the failure is a skip only where it can give a result its success
     * gives (a walker that goes on either way); a result the function gives only for that failure tells
     * the caller the page was refused, and on a tail it is always refused, whatever other rejections
     * return. Otherwise, a result no accepted or rejected page gives. A failure that goes back to the same
     * lookup retries a tail forever.
     */
    private String failure(Event.SpeculativeGet g) {
        String var = g.var();
        Set<String> others = var == null ? Set.of() : otherExits.getOrDefault(var, Set.of());
        Set<Long> success = constants(successExits.getOrDefault(g.offset(), List.of()));
        for (Exit x : failureExits.getOrDefault(g.offset(), List.of())) {
            if (x.consts() != null && success != null) {
                if (Collections.disjoint(x.consts(), success))
                    return "then the function returns " + shown(x) + " (line " + x.line() + "), where it returns " + shown(success)
                            + " after the get succeeded";
            } else if (!others.contains(x.value()))
                return "then the function returns " + x.value() + " (line " + x.line() + "), a result it gives for no page it accepts or rejects";
        }
        Integer again = retries.get(g.offset());
        return again == null ? null : "then it looks the page up again and retries the get at line " + again + ": on a tail the retry never ends";
    }

    private static String shown(Exit x) {
        String c = shown(x.consts());
        return c.equals(x.value()) ? c : x.value() + " = " + c;
    }

    private static String shown(Set<Long> c) {
        if (c.size() == 1) return String.valueOf(c.iterator().next());
        return "one of " + new TreeSet<>(c);
    }

    /** Raises the gets of the reporting pass with what their failure and success paths do. */
    void finish() {
        for (Event.SpeculativeGet g : gets) events.emit(g.outcome(failure(g), headUses.get(g.offset())));
        gets.clear();
        failureExits.clear();
        successExits.clear();
        otherExits.clear();
        retries.clear();
        headUses.clear();
        tableOwedSaid.clear();
        useSaid.clear();
    }
}
