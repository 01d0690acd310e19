package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a function defined in the analysed translation unit does to its page-like parameters and
 * result, learned from its body: which parameters it treats as heads (a head-only field access, a
 * head-only call, a {@code VM_BUG_ON_PAGE(PageTail(page), page)} contract) and whether it may
 * return a tail page; and the extent of what it stores through a pointer parameter ({@code *foliop = folio}
 * for a folio it allocated), when every non-NULL store is of a range it knows; and the extent of the range
 * the pointer it returns lies in ({@code returnedExtent}: an address of {@code alloc_pages_exact()}, a page of
 * {@code alloc_pages()}), when every non-NULL return is of a range it knows (null: not known).
 */
public record FunctionSummary(String name, PageValue returned, Map<Integer, Requirement> requiresHead, Map<Integer, Bound> storedExtents,
                              Bound returnedExtent) {
    public FunctionSummary(String name, PageValue returned, Map<Integer, Requirement> requiresHead) {
        this(name, returned, requiresHead, Map.of());
    }

    public FunctionSummary(String name, PageValue returned, Map<Integer, Requirement> requiresHead, Map<Integer, Bound> storedExtents) {
        this(name, returned, requiresHead, storedExtents, null);
    }

    /**
     * Why parameter {@code index} must be a head: {@code because} names the use, at {@code line}.
     * {@code when}: the truth other parameters (by index) had on every path that made the use
     * ({@code if (compound && PageTransHuge(page))}): the requirement holds only for calls passing
     * those; empty when it holds for every call.
     */
    public record Requirement(String param, String because, int line, AppliedClause clause, boolean contract, Map<Integer, Boolean> when) {
        public Requirement(String param, String because, int line, AppliedClause clause, boolean contract) {
            this(param, because, line, clause, contract, Map.of());
        }

        /** The same requirement holding under the conditions both share: the weaker of the two. */
        public Requirement weakened(Map<Integer, Boolean> other) {
            Map<Integer, Boolean> common = new TreeMap<>();
            for (Map.Entry<Integer, Boolean> e : when.entrySet()) if (e.getValue().equals(other.get(e.getKey()))) common.put(e.getKey(), e.getValue());
            return new Requirement(param, because, line, clause, contract, Map.copyOf(common));
        }
    }

    public static FunctionSummary empty(String name) { return new FunctionSummary(name, null, new TreeMap<>()); }

    public boolean returnsMaybeTail() { return returned != null && returned.shape().mayBeTail(); }
}
