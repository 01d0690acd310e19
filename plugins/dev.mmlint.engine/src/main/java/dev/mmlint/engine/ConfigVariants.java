package dev.mmlint.engine;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the findings of a unit parsed under several preprocessor assumptions (a lone fragment whose
 * {@code #ifdef CONFIG_X} arms were analysed both ways, see {@link ParsedUnit#variants()}). A finding
 * is the same in two parses when its rule, line and column are; one found under every assumption is
 * reported once, as it is; one found under some only says on which configuration it holds, in its
 * applicability.
 */
final class ConfigVariants {
    private ConfigVariants() {}

    /**
     * @param main     the result of the unit itself (its tested CONFIG_ symbols not set)
     * @param variants the results of its variants, in the order of {@link ParsedUnit#variants()}
     */
    static UnitAnalyzer.Result merge(ParsedUnit unit, UnitAnalyzer.Result main, List<UnitAnalyzer.Result> variants) {
        List<List<Finding>> all = new ArrayList<>();
        all.add(main.findings());
        for (UnitAnalyzer.Result r : variants) all.add(r.findings());
        // per location: the first finding met and the parses it was found in
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, Set<Integer>> where = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++)
            for (Finding f : all.get(i)) {
                String k = f.ruleId() + "|" + f.line() + "|" + f.column();
                first.putIfAbsent(k, f);
                where.computeIfAbsent(k, x -> new HashSet<>()).add(i);
            }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Finding> e : first.entrySet()) {
            Set<Integer> in = where.get(e.getKey());
            Finding f = e.getValue();
            if (in.size() < all.size()) f = withApplicability(f, f.applicability() + "; " + onlyWhen(unit, in));
            out.add(f);
        }
        out.sort(Finding.ORDER);
        // coverage: the unit's functions, then those only a variant compiles, as the analyses saw them
        List<FunctionCoverage> cov = new ArrayList<>(main.functions());
        Set<String> seen = new HashSet<>();
        for (FunctionCoverage c : cov) seen.add(c.name() + ":" + c.line());
        for (UnitAnalyzer.Result r : variants)
            for (FunctionCoverage c : r.functions()) if (seen.add(c.name() + ":" + c.line())) cov.add(c);
        return new UnitAnalyzer.Result(List.copyOf(out), List.copyOf(cov));
    }

    /** The configuration a finding holds on, given the parses (0: the unit) it was found in. */
    private static String onlyWhen(ParsedUnit unit, Set<Integer> in) {
        Set<String> tested = new java.util.TreeSet<>();
        for (ParsedUnit.Variant v : unit.variants()) tested.addAll(v.enabled());
        List<String> parts = new ArrayList<>();
        if (in.contains(0)) parts.add("with " + String.join(", ", tested) + " not set");
        for (int i = 1; i <= unit.variants().size(); i++)
            if (in.contains(i)) parts.add("with " + String.join("=y, ", unit.variants().get(i - 1).enabled()) + "=y");
        return "found only " + String.join(" or ", parts) + " (Kconfig not known: both arms analysed)";
    }

    private static Finding withApplicability(Finding f, String applicability) {
        return new Finding(f.ruleId(), f.severity(), f.confidence(), f.file(), f.function(), f.line(), f.column(),
                f.endLine(), f.endColumn(), f.message(), f.evidence(), f.fixHint(), f.fixes(), f.clause(), applicability,
                f.witness(), f.confirmed(), f.confirmation(), f.fingerprint());
    }
}
