package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.Map;

/**
 * What the callers of a function pass it, per parameter index, joined over the call sites of its
 * translation unit (top-down, beside the bottom-up {@link FunctionSummary summaries}): the range class
 * of an integer argument (a count that is {@code folio_nr_pages()}, an offset below
 * {@code huge_page_size(h)}) and the extent of the pfn range a page argument points into (a page inside
 * a PUD leaf). Joined with {@link ContiguityModel#joinCallers}; a parameter no caller fixes is absent.
 */
public record CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents) {
    public static final CallerContext NONE = new CallerContext(Map.of(), Map.of());

    public CallerContext {
        counts = Map.copyOf(counts);
        extents = Map.copyOf(extents);
    }

    public boolean isEmpty() { return counts.isEmpty() && extents.isEmpty(); }

    /** Joins call sites, one {@link #site} at a time. */
    public static final class Builder {
        private final Map<Integer, Bound> counts = new HashMap<>(), extents = new HashMap<>();
        private final Map<Integer, Boolean> seen = new HashMap<>();

        /** One call site passes {@code count} / {@code extent} (null: unknown) as parameter {@code param}. */
        public void site(int param, Bound count, Bound extent) {
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

        public CallerContext build() { return counts.isEmpty() && extents.isEmpty() ? NONE : new CallerContext(counts, extents); }
    }
}
