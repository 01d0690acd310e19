package dev.mmlint.checks;

import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Reporter;
import dev.mmlint.engine.flow.PageValue;
import dev.mmlint.engine.flow.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule registry: the built-in rules, listed once, and small helpers they share. Everything that
 * enumerates rules derives from {@link #all()}: the engine, the ids a model clause may back, the CLI's
 * rule lists, the SARIF rule table, the IDE preferences, the README table's test and the benchmark
 * tables. {@code scripts/new-rule} adds a line here.
 */
public final class Checks {
    private Checks() {}

    /** Every built-in check, in rule-id order. */
    public static List<Check> all() {
        return List.of(
                new SectionCrossingArithmetic(),
                new TailHeadOnlyField(),
                new SpeculativeReference(),
                new TailToHeadOnlyFunction(),
                new MapcountExclusivity(),
                new PublishBeforePrepare(),
                new GupPairing()
                // new-rule: next check
        );
    }

    /** The metadata of every built-in rule, in rule-id order. */
    public static List<RuleInfo> rules() {
        return all().stream().map(Check::info).toList();
    }

    /** The built-in rule ids, in order. */
    public static List<String> ids() {
        return rules().stream().map(RuleInfo::id).toList();
    }

    /** One-line summary by rule id: the one summary text of each rule. */
    public static Map<String, String> summaries(List<Check> checks) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Check c : checks) m.putIfAbsent(c.info().id(), c.info().summary());
        return m;
    }

    /**
     * A value that may be a tail because a lookup the model knows returned it on some path (pte_page,
     * pfn_to_page, GUP, a helper returning one): the claim rests on that lookup's clause. Tails the
     * code itself tested for, parameters and subpages reached by iterating a compound page are not.
     */
    public static boolean lookedUp(PageValue v) {
        return v.shape().mayBeTail() && !v.subpage() && v.originClause() != null;
    }

    /**
     * A parameter of the analysed function that the model says its callers may pass as a tail
     * ({@code accepts_tail}): inside the function it may be a tail, and the claim rests on that clause.
     * The engine says so only where a head-only use is judged, so only the rules of head-only state
     * (MM002) look at it.
     */
    public static boolean tailParameter(PageValue v) {
        return v.shape() == Shape.PARAM && !v.subpage() && v.originClause() != null;
    }

    /** "from pte_page() at line 120" evidence for where a value's shape came from. */
    public static List<Evidence> origin(PageValue v, String what) {
        List<Evidence> ev = new ArrayList<>();
        if (v.origin() != null && v.origin().line() > 0)
            ev.add(new Evidence(v.origin().line(), v.origin().column(), what + v.origin().what()));
        return ev;
    }

    public static String from(PageValue v) {
        return v.origin() != null && v.origin().line() > 0 ? " (from " + v.origin() + ")" : "";
    }

    public static String quote(Reporter r, int offset, int length) {
        String t = r.text(offset, length).replaceAll("\\s+", " ").trim();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
