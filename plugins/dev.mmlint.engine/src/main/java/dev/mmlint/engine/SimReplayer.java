package dev.mmlint.engine;

import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.knowledge.Clause;
import dev.mmlint.engine.knowledge.ModelKnowledge;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.sim.OpParser;
import dev.mmlint.model.sim.SimResult;
import dev.mmlint.model.sim.Simulator;
import java.util.List;

/**
 * Replays findings on the executable reference model. A finding's witness (the API operations the
 * dataflow saw along its path) becomes a concrete scenario on simulated compound pages: the
 * possibly-tail lookup lands on a tail, the unbounded range is a gigantic page spanning two
 * sections, the speculative reference is never validated. The simulator then says whether a clause
 * of the finding's rule breaks, and where.
 */
public final class SimReplayer implements WitnessReplayer {
    private final Simulator sim;

    public SimReplayer(ReferenceModel model, KernelContext ctx) {
        this.sim = new Simulator(model, ModelKnowledge.treeContext(ctx));
    }

    @Override public Verdict replay(String ruleId, Clause clause, List<WitnessStep> witness) {
        String ops = scenario(ruleId, witness);
        if (ops == null) return new Verdict(false, "no scenario of the reference model for this witness");
        try {
            SimResult r = sim.replayForRule(OpParser.parseAll(ops), ruleId);
            if (r instanceof SimResult.Confirmed c) return new Verdict(true, "replayed as '" + ops + "': " + c.explanation());
            return new Verdict(false, ((SimResult.NotConfirmed) r).reason() + " (replayed as '" + ops + "')");
        } catch (RuntimeException e) {
            return new Verdict(false, "the witness could not be replayed: " + e.getMessage());
        }
    }

    private static WitnessStep last(List<WitnessStep> w, String... ops) {
        for (int i = w.size() - 1; i >= 0; i--)
            for (String op : ops) if (w.get(i).op().equals(op)) return w.get(i);
        return null;
    }

    private static String fn(WitnessStep s, String dflt) {
        if (s == null || s.detail().isEmpty()) return dflt;
        String d = s.detail();
        int colon = d.indexOf(':');
        return (colon > 0 ? d.substring(0, colon) : d).replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The concrete operations that realise the witness, in the simulator's language; null when none. */
    static String scenario(String rule, List<WitnessStep> w) {
        switch (rule) {
            case "MM001":
                return last(w, "page_arith") == null ? null : "alloc_gigantic(G,5); ptr_add(p,G,17)";
            case "MM002": {
                WitnessStep f = last(w, "read_field", "write_field");
                return f == null ? null : "ext_alloc(A,2); bind(p,A,1); read_field(p, " + fn(f, "mapping") + ")";
            }
            case "MM004": {
                WitnessStep c = last(w, "call_head_only");
                return c == null ? null : "ext_alloc(A,2); bind(p,A,1); call_head_only(p, " + fn(c, "unknown") + ", 0)";
            }
            case "MM003": {
                WitnessStep use = last(w, "use");
                WitnessStep get = last(w, "speculative_get");
                if (get == null) return null;
                if (use == null) return "ext_alloc(A,2); bind(p,A,1); try_get_speculative(p, " + fn(get, "get_page_unless_zero") + ")";
                return "ext_alloc(A,2); map(A); bind(p,A,1); compound_head(h,p); try_get_speculative(h, "
                        + fn(get, "get_page_unless_zero") + "); read_field(h, mapping)";
            }
            case "MM005": {
                WitnessStep t = last(w, "mapcount_test");
                return t == null ? null
                        : "ext_alloc(A,2); bind(p,A,1); bind(q,A,2); map(p); map(q); assume_exclusive(p, " + fn(t, "page_mapcount") + ")";
            }
            case "MM006": {
                WitnessStep set = last(w, "set_count");
                if (set != null) return "alloc(A,0); publish(A); ext_get(A); set_page_count(A, 1, " + fn(set, "set_page_count") + ")";
                WitnessStep prep = last(w, "prep_compound");
                return prep == null ? null : "alloc_unprepared(A,2); set_refcounted(A, set_page_refcounted); ext_get(A); prep_compound(A, "
                        + fn(prep, "prep_compound_page") + ")";
            }
            case "MM007": {
                WitnessStep got = last(w, "pin", "gup_get", "pin_none", "gup_none");
                if (got == null) return null;
                boolean pin = got.op().startsWith("pin");
                boolean none = got.op().endsWith("_none");
                String gup = "ext_alloc(U,2); map(U); gup(arr, U, 4, " + (none ? 0 : 4) + ", " + (pin ? "pin" : "get") + ", " + fn(got, "gup") + ")";
                WitnessStep rel = last(w, "put", "unpin");
                if (rel == null) return gup; // a leak: the path ends holding them
                return gup + "; release(arr, " + (none ? 1 : 4) + ", " + rel.op() + ", " + fn(rel, rel.op()) + ")";
            }
            default:
                return null;
        }
    }
}
