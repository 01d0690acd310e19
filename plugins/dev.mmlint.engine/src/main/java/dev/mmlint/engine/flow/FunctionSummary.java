package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.Clause;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a function defined in the analysed translation unit does to its page-like parameters and
 * result, learned from its body: which parameters it treats as heads (a head-only field access, a
 * head-only call, a {@code VM_BUG_ON_PAGE(PageTail(page), page)} contract) and whether it may
 * return a tail page.
 */
public record FunctionSummary(String name, PageValue returned, Map<Integer, Requirement> requiresHead) {
    /** Why parameter {@code index} must be a head: {@code because} names the use, at {@code line}. */
    public record Requirement(String param, String because, int line, Clause clause, boolean contract) {}

    public static FunctionSummary empty(String name) { return new FunctionSummary(name, null, new TreeMap<>()); }

    public boolean returnsMaybeTail() { return returned != null && returned.shape().mayBeTail(); }
}
