package dev.mmlint.engine.flow;

import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.AppliedClause;

/**
 * The compound-preparation model (MM006): a page's refcount made visible (published, or set) before the
 * page is prepared as a compound page, or set without the refcount frozen first. Raises
 * {@link Event.Publish} of kind "before-prepare" (at the publishing call, when the prepare comes) and
 * "unfrozen" (at a set of a refcount nobody froze, on a page a lookup gave); and "unwaited" (at a call that
 * rewrites the struct pages of a memmap range, on a path on which no one waited for speculative walkers).
 */
final class CompoundModel {
    private final Events events;
    /** base page -> line of a freeze of one of its to-be tails, where the function never freezes the base ({@link FrozenTails}) */
    private java.util.Map<String, Integer> frozenTails = java.util.Map.of();

    /**
     * Whether a page the function was handed is reported too when refcounted before it is prepared: the
     * clause {@link dev.mmlint.engine.knowledge.ApiKnowledge#REFCOUNT_AFTER_PREP_COMPOUND_LOCK} applies for
     * certain (2.6.38 to 4.4, when a stale speculative getter took compound_lock() on the head).
     */
    private final boolean handedPagesRace;

    CompoundModel(Events events, AppliedClause compoundLockEra) {
        this.events = events;
        this.handedPagesRace = compoundLockEra != null && compoundLockEra.applies() && !compoundLockEra.conditional();
    }

    /** The function analysed freezes the to-be tails of these base pages, never the bases themselves. */
    void frozenTails(java.util.Map<String, Integer> m) { frozenTails = m == null ? java.util.Map.of() : m; }

    /**
     * {@code api} makes {@code var} a compound head: where the function freezes its to-be tails (they may be
     * held by speculative getters) and this path has not frozen {@code var} itself, a getter may hold a
     * reference on the head of a compound page under construction. Raises "head-unfrozen".
     */
    void headMade(CompoundFacts c, String var, PageValue pv, int off, int len, String api, AppliedClause clause) {
        if (var == null || c.isFrozen(var)) return;
        Integer tail = frozenTails.get(var);
        if (tail != null) events.emit(new Event.Publish(off, len, api, var, pv, clause, "head-unfrozen", tail));
    }

    /**
     * {@code api} makes the refcount of page variable {@code var} (value {@code pv}) visible at
     * [off, off+len); {@code set}: it sets the count (set_page_count) rather than publishing the page.
     */
    void published(CompoundFacts c, String var, PageValue pv, boolean set, int off, int len, String api, AppliedClause clause) {
        if (var == null) return;
        if (set && !c.isFrozen(var) && pv.originClause() != null)
            events.emit(new Event.Publish(off, len, api, var, pv, clause, "unfrozen", 0));
        // a page the caller handed over (a block fresh off the buddy lists, prep_new_page()) is refcounted
        // before it is prepared in the allocator's normal order: only a page this function found itself
        // (a lookup, a contiguous range) may be held by a pfn walker meanwhile; except while a stale
        // speculative getter took compound_lock() on what it got (2.6.38 to 4.4), racing the preparation
        if (!c.isPrepared(var) && (pv.shape() != Shape.PARAM || handedPagesRace)) c.publish(var, off);
    }

    /** {@code api} prepares {@code var} as a compound page at {@code line}. */
    void prepared(CompoundFacts c, String var, PageValue pv, String api, AppliedClause clause, int line) {
        if (var == null) return;
        for (int pub : c.publishesOf(var)) events.emit(new Event.Publish(pub, 1, api, var, pv, clause, "before-prepare", line));
        c.prepare(var);
    }

    /**
     * The struct page of {@code var} is being initialised (memmap initialisation at boot, deferred or
     * ZONE_DEVICE): nothing can reach it yet, so no one else can hold a reference; its refcount is as
     * private as a frozen one.
     */
    void initialised(CompoundFacts c, String var) { if (var != null) c.freeze(var); }

    /**
     * {@code api} frees, replaces or remaps the struct pages of the memmap range at argument {@code arg}
     * ({@code off}, {@code len}): a pfn walker that took a speculative reference on one of them before may
     * still write its refcount, unless some path to here waited for such walkers.
     */
    void memmapRewritten(CompoundFacts c, String arg, int off, int len, String api, AppliedClause clause) {
        if (!c.walkersWaited()) events.emit(new Event.Publish(off, len, api, arg, PageValue.UNKNOWN, clause, "unwaited", 0));
    }

    /** The speculative pfn walkers in RCU read-side sections have left them (synchronize_rcu()). */
    void walkersWaited(CompoundFacts c) { c.waitWalkers(); }

    /** The refcount of {@code var} is frozen. */
    void frozen(CompoundFacts c, String var) { if (var != null) c.freeze(var); }
}
