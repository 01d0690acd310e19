package dev.mmlint.frontend.internal;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A map that passes everything to another: the base of the wrappers put around the macro dictionary's own map
 * ({@link BudgetHooks}: a budget checked on each read; {@link InclusionMemo}: reads and writes observed), which
 * override the calls they watch.
 */
abstract class ForwardingMap extends AbstractMap<Object, Object> {
    final Map<Object, Object> m;

    ForwardingMap(Map<Object, Object> m) { this.m = m; }

    @Override public Object get(Object k) { return m.get(k); }
    @Override public boolean containsKey(Object k) { return m.containsKey(k); }
    @Override public Object put(Object k, Object v) { return m.put(k, v); }
    @Override public Object remove(Object k) { return m.remove(k); }
    @Override public void clear() { m.clear(); }
    @Override public int size() { return m.size(); }
    @Override public boolean isEmpty() { return m.isEmpty(); }
    @Override public Set<Entry<Object, Object>> entrySet() { return m.entrySet(); }
    @Override public Set<Object> keySet() { return m.keySet(); }
    @Override public java.util.Collection<Object> values() { return m.values(); }
}
