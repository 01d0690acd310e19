package dev.mmlint.model.kconfig;

import dev.mmlint.model.api.Tri;
import dev.mmlint.model.api.TreeContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Kconfig predicate over CONFIG_ symbols, as written in a clause:
 * {@code SPARSEMEM && !SPARSEMEM_VMEMMAP}, {@code TRANSPARENT_HUGEPAGE || HUGETLB_PAGE},
 * {@code PGTABLE_LEVELS = 5}, {@code (A || B) && !C}. Symbols may carry the CONFIG_ prefix.
 *
 * <p>Semantics follow Kconfig: a bare symbol holds when its value is {@code y} or {@code m}; an unset
 * symbol is {@code n}; {@code SYM = v} / {@code SYM != v} compare the value as a string. Evaluation is
 * three-valued: with no Kconfig at all (null map) every symbol is UNKNOWN; a map that states only some
 * symbols (see {@link TreeContext#UNSTATED}) leaves the others UNKNOWN, and a value {@code ?} is UNKNOWN.
 */
public sealed interface KconfigExpr {

    Tri eval(Map<String, String> kconfig);

    /** Canonical text; parsing it again gives an equal expression. */
    String text();

    void collectSymbols(Set<String> into);

    /** Renders the values that decided the result, e.g. "SPARSEMEM=y, SPARSEMEM_VMEMMAP=n". */
    default String explain(Map<String, String> kconfig) {
        Set<String> syms = new TreeSet<>();
        collectSymbols(syms);
        List<String> parts = new ArrayList<>();
        for (String s : syms) {
            String v = kconfig == null ? null : lookup(kconfig, s);
            parts.add(s + "=" + (v == null ? "?" : v));
        }
        return String.join(", ", parts);
    }

    default Set<String> symbols() {
        Set<String> s = new LinkedHashSet<>();
        collectSymbols(s);
        return s;
    }

    record Sym(String name) implements KconfigExpr {
        public Tri eval(Map<String, String> k) {
            String v = k == null ? null : lookup(k, name);
            if (v == null) return Tri.UNKNOWN;
            return Tri.of(v.equals("y") || v.equals("m"));
        }

        public String text() {
            return name;
        }

        public void collectSymbols(Set<String> into) {
            into.add(name);
        }
    }

    record Cmp(String name, boolean equal, String value) implements KconfigExpr {
        public Tri eval(Map<String, String> k) {
            String raw = k == null ? null : lookup(k, name);
            if (raw == null) return Tri.UNKNOWN;
            String v = unquote(raw);
            return Tri.of(v.equals(value) == equal);
        }

        public String text() {
            boolean plain = value.matches("[A-Za-z0-9_]+");
            return name + (equal ? " = " : " != ") + (plain ? value : "\"" + value + "\"");
        }

        public void collectSymbols(Set<String> into) {
            into.add(name);
        }

        private static String unquote(String v) {
            return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }
    }

    record Not(KconfigExpr operand) implements KconfigExpr {
        public Tri eval(Map<String, String> k) {
            return operand.eval(k).not();
        }

        public String text() {
            return "!" + wrap(operand, 3);
        }

        public void collectSymbols(Set<String> into) {
            operand.collectSymbols(into);
        }
    }

    record And(KconfigExpr left, KconfigExpr right) implements KconfigExpr {
        public Tri eval(Map<String, String> k) {
            return left.eval(k).and(right.eval(k));
        }

        public String text() {
            return wrap(left, 2) + " && " + wrap(right, 2);
        }

        public void collectSymbols(Set<String> into) {
            left.collectSymbols(into);
            right.collectSymbols(into);
        }
    }

    record Or(KconfigExpr left, KconfigExpr right) implements KconfigExpr {
        public Tri eval(Map<String, String> k) {
            return left.eval(k).or(right.eval(k));
        }

        public String text() {
            return wrap(left, 1) + " || " + wrap(right, 1);
        }

        public void collectSymbols(Set<String> into) {
            left.collectSymbols(into);
            right.collectSymbols(into);
        }
    }

    private static int precedence(KconfigExpr e) {
        if (e instanceof Or) return 1;
        if (e instanceof And) return 2;
        if (e instanceof Not) return 3;
        return 4;
    }

    private static String wrap(KconfigExpr e, int ctx) {
        // && and || are associative: a chain renders without parentheses on either side
        return precedence(e) < ctx ? "(" + e.text() + ")" : e.text();
    }

    /** Parses a predicate; throws {@link KconfigSyntaxException} (with a 0-based offset) when malformed. */
    static KconfigExpr parse(String text) {
        return new KconfigParser(text).parseAll();
    }

    /**
     * True when some assignment of the symbols of {@code a} and {@code b} makes both hold.
     * Exhaustive over the values the predicates mention (plus y and n); predicates with more than 14
     * symbols are conservatively reported satisfiable.
     */
    static boolean jointlySatisfiable(KconfigExpr a, KconfigExpr b) {
        KconfigExpr both = a == null ? b : b == null ? a : new And(a, b);
        if (both == null) return true;
        Map<String, Set<String>> domains = new java.util.LinkedHashMap<>();
        collectDomains(both, domains);
        if (domains.size() > 14) return true;
        List<String> syms = new ArrayList<>(domains.keySet());
        return search(both, syms, 0, new java.util.HashMap<>(), domains);
    }

    private static boolean search(KconfigExpr e, List<String> syms, int i, Map<String, String> asg,
            Map<String, Set<String>> domains) {
        if (i == syms.size()) return e.eval(asg) == Tri.YES;
        for (String v : domains.get(syms.get(i))) {
            asg.put(syms.get(i), v);
            if (search(e, syms, i + 1, asg, domains)) return true;
        }
        asg.remove(syms.get(i));
        return false;
    }

    private static void collectDomains(KconfigExpr e, Map<String, Set<String>> d) {
        if (e instanceof Sym s) {
            d.computeIfAbsent(s.name(), k -> new LinkedHashSet<>(List.of("y", "n")));
        } else if (e instanceof Cmp c) {
            d.computeIfAbsent(c.name(), k -> new LinkedHashSet<>(List.of("y", "n"))).add(c.value());
        } else if (e instanceof Not n) {
            collectDomains(n.operand(), d);
        } else if (e instanceof And a) {
            collectDomains(a.left(), d);
            collectDomains(a.right(), d);
        } else if (e instanceof Or o) {
            collectDomains(o.left(), d);
            collectDomains(o.right(), d);
        }
    }

    /**
     * The value of {@code name} in {@code kconfig}, null when unknown: a listed value ({@code ?} is
     * unknown), else the map's {@link TreeContext#UNSTATED} value, else {@code n} (Kconfig's unset).
     */
    static String lookup(Map<String, String> kconfig, String name) {
        String v = kconfig.get(name);
        if (v == null) v = kconfig.getOrDefault(TreeContext.UNSTATED, "n");
        return TreeContext.UNKNOWN_VALUE.equals(v) ? null : v;
    }

    /** Normalizes a symbol name as written (drops CONFIG_). */
    static String symbol(String raw) {
        return TreeContext.normalizeSymbol(raw);
    }
}
