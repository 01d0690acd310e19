package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.Map;

/**
 * What the callers of a function pass it, per parameter index, joined over the call sites of its
 * translation unit (top-down, beside the bottom-up {@link FunctionSummary summaries}): the range class
 * of an integer argument (a count that is {@code folio_nr_pages()}, an offset below
 * {@code huge_page_size(h)}), the extent of the pfn range a page argument points into (a page inside
 * a PUD leaf), and a page argument some caller passes that may be a tail it looked up (a GUP output
 * element): inside the function a head-only use of that parameter is judged as a use of that tail
 * ({@link ShapeModel}), and the call site no longer reports it. Counts and extents are joined with
 * {@link ContiguityModel#joinCallers}; a tail from any caller makes the parameter one (the first
 * in the file). An order parameter some caller passes an order above MAX_ORDER in ({@code orders}:
 * an order variable the caller has from the model's {@code gigantic_order}, or from its own callers)
 * makes {@code 1 << order} inside the function a count that may exceed a buddy block; any caller's
 * such order makes the parameter one. A parameter no caller fixes is absent. {@code walkersWaited}:
 * every call site is reached on a path on which the caller waited for speculative pfn walkers
 * (synchronize_rcu()), so the function starts with them waited for (the caller waits, the callee
 * rewrites the memmap). {@code live}: a page argument some caller passes whose refcount others may hold
 * (an order-0 page the model says is handed out refcounted and reachable by pfn, as the pages of
 * alloc_contig_pages() and cma_alloc() are, or one the caller has from its own callers): inside the
 * function the parameter is that page, and a refcount it sets unfrozen on it, or on a page it reaches
 * from it, may lose a speculative reference (the first in the file). {@code tables}: the page-table entry
 * parameters every call site passes an entry it walked into as a table (pmd_offset(pud, 0) before
 * free_pmd_table(pmd, pud)): inside the function the page such a parameter points to is a page-table page.
 * {@code owned}: the page parameters every call site passes a page its caller owns ({@link OwnedPages}: the
 * caller stores ->mapping / ->index through it, or has it so from its own callers): inside the function the
 * parameter is that owner's page, whose head-only fields it reads as the owner does (a helper the owner
 * hands its page to); one caller passing a page it does not own leaves the parameter out.
 * {@code texts}: per call site (in a deterministic order), the arguments written with a size the model knows
 * by name ({@code record_subpages(page, PUD_SIZE, ...)}), by parameter: inside the function an expression
 * written with such a parameter ({@code (addr & (sz - 1)) >> PAGE_SHIFT}) is classified as the model would
 * classify it written with each call site's argument; one call site's class that may exceed a buddy block is
 * enough (a bound is not: the other call sites, and callers outside the unit, may pass anything).
 */
public record CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents, Map<Integer, PageValue> tails,
                            Map<Integer, Bound> orders, boolean walkersWaited, Map<Integer, PageValue> live, java.util.Set<Integer> tables,
                            java.util.Set<Integer> owned, java.util.List<Map<Integer, String>> texts) {
    public static final CallerContext NONE = new CallerContext(Map.of(), Map.of(), Map.of(), Map.of(), false, Map.of());

    public CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents, Map<Integer, PageValue> tails,
                         Map<Integer, Bound> orders, boolean walkersWaited, Map<Integer, PageValue> live, java.util.Set<Integer> tables,
                         java.util.Set<Integer> owned) {
        this(counts, extents, tails, orders, walkersWaited, live, tables, owned, java.util.List.of());
    }

    public CallerContext {
        texts = texts.stream().map(Map::copyOf).toList();
        counts = Map.copyOf(counts);
        extents = Map.copyOf(extents);
        tails = Map.copyOf(tails);
        orders = Map.copyOf(orders);
        live = Map.copyOf(live);
        tables = java.util.Set.copyOf(tables);
        owned = java.util.Set.copyOf(owned);
    }

    public CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents, Map<Integer, PageValue> tails,
                         Map<Integer, Bound> orders, boolean walkersWaited, Map<Integer, PageValue> live, java.util.Set<Integer> tables) {
        this(counts, extents, tails, orders, walkersWaited, live, tables, java.util.Set.of());
    }

    public CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents, Map<Integer, PageValue> tails,
                         Map<Integer, Bound> orders, boolean walkersWaited, Map<Integer, PageValue> live) {
        this(counts, extents, tails, orders, walkersWaited, live, java.util.Set.of());
    }

    public CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents, Map<Integer, PageValue> tails,
                         Map<Integer, Bound> orders, boolean walkersWaited) {
        this(counts, extents, tails, orders, walkersWaited, Map.of());
    }

    public CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents) { this(counts, extents, Map.of()); }

    public CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents, Map<Integer, PageValue> tails) { this(counts, extents, tails, Map.of(), false); }

    public boolean isEmpty() {
        return counts.isEmpty() && extents.isEmpty() && tails.isEmpty() && orders.isEmpty() && !walkersWaited && live.isEmpty() && tables.isEmpty()
                && owned.isEmpty() && texts.isEmpty();
    }

    /** The most call sites whose argument texts a function is analysed under. */
    static final int MAX_TEXT_SITES = 16;

    /** Joins call sites, one {@link #site} at a time. */
    public static final class Builder {
        private final Map<Integer, Bound> counts = new HashMap<>(), extents = new HashMap<>(), orders = new HashMap<>();
        private final Map<Integer, PageValue> tails = new HashMap<>(), live = new HashMap<>();
        private final Map<Integer, Boolean> seen = new HashMap<>();
        /** null: no call site said; else whether every call site said the walkers were waited for */
        private Boolean waited;
        /** null: no call site said; else the parameters every call site passes a table entry as */
        private java.util.Set<Integer> tables;
        /** null: no call site said; else the parameters every call site passes a page its caller owns as */
        private java.util.Set<Integer> owned;

        /** the argument texts of the call sites that pass any ({@link CallerContext#texts()}), in a deterministic order */
        private final java.util.Set<Map<Integer, String>> texts = new java.util.TreeSet<>(Builder::byText);

        /** One call site passes these argument texts (of more than {@link #MAX_TEXT_SITES} sites, the first in their order are kept). */
        public void texts(Map<Integer, String> t) { texts.add(Map.copyOf(t)); }

        private static int byText(Map<Integer, String> a, Map<Integer, String> b) {
            return new java.util.TreeMap<>(a).toString().compareTo(new java.util.TreeMap<>(b).toString());
        }

        /** One call site passes pages its caller owns as parameters {@code ps}. */
        public void owned(java.util.Set<Integer> ps) {
            if (owned == null) owned = new java.util.TreeSet<>(ps);
            else owned.retainAll(ps);
        }

        /** One call site passes entries it walked into as tables as parameters {@code ps}. */
        public void tables(java.util.Set<Integer> ps) {
            if (tables == null) tables = new java.util.TreeSet<>(ps);
            else tables.retainAll(ps);
        }

        /** One call site is reached with ({@code w}) or without the speculative pfn walkers waited for. */
        public void walkers(boolean w) { waited = waited == null ? w : waited && w; }

        /** One call site passes {@code count} / {@code extent} (null: unknown) as parameter {@code param}. */
        public void site(int param, Bound count, Bound extent) { site(param, count, extent, null); }

        /** As {@link #site(int, Bound, Bound)}, the page argument possibly a tail the caller looked up ({@code tail}, null: none). */
        public void site(int param, Bound count, Bound extent, PageValue tail) { site(param, count, extent, tail, null); }

        /**
         * As {@link #site(int, Bound, Bound, PageValue)}, with the order above MAX_ORDER the caller may pass as
         * the parameter ({@code order}, null: none known): one such caller makes it one (the first line's).
         */
        public void site(int param, Bound count, Bound extent, PageValue tail, Bound order) { site(param, count, extent, tail, order, null); }

        /** As {@link #site(int, Bound, Bound, PageValue, Bound)}, the page argument one whose refcount others may hold ({@code held}, null: not). */
        public void site(int param, Bound count, Bound extent, PageValue tail, Bound order, PageValue held) {
            if (held != null) live.merge(param, held, Builder::first);
            if (order != null && !order.bounded()) orders.merge(param, order, Builder::earlier);
            if (tail != null) tails.merge(param, tail, Builder::first);
            if (seen.put(param, true) == null) {
                put(counts, param, count);
                put(extents, param, extent);
                return;
            }
            put(counts, param, ContiguityModel.joinCallers(counts.get(param), count));
            put(extents, param, ContiguityModel.joinCallers(extents.get(param), extent));
        }

        private static void put(Map<Integer, Bound> m, int k, Bound b) {
            if (b == null) m.remove(k);
            else m.put(k, b);
        }

        /** Of two callers' orders, the one from the earlier line (then by text): whatever order the call sites come in. */
        private static Bound earlier(Bound a, Bound b) {
            int c = Integer.compare(a.line(), b.line());
            if (c == 0) c = a.what().compareTo(b.what());
            return c <= 0 ? a : b;
        }

        /** Of two callers' tails, the one passed first in the file (whatever order the call sites come in). */
        private static PageValue first(PageValue a, PageValue b) {
            int c = Integer.compare(a.origin().line(), b.origin().line());
            if (c == 0) c = Integer.compare(a.origin().column(), b.origin().column());
            if (c == 0) c = a.origin().what().compareTo(b.origin().what());
            return c <= 0 ? a : b;
        }

        public CallerContext build() {
            boolean w = waited != null && waited;
            java.util.Set<Integer> t = tables == null ? java.util.Set.of() : tables;
            java.util.Set<Integer> o = owned == null ? java.util.Set.of() : owned;
            return counts.isEmpty() && extents.isEmpty() && tails.isEmpty() && orders.isEmpty() && !w && live.isEmpty() && t.isEmpty() && o.isEmpty()
                    && texts.isEmpty() ? NONE
                    : new CallerContext(counts, extents, tails, orders, w, live, t, o, texts.stream().limit(MAX_TEXT_SITES).toList());
        }
    }
}
