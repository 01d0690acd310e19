package dev.mmlint.model.sim;

import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.TreeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Executable reference semantics of compound pages, used to confirm findings: replays a witness (a
 * list of {@link Op}s extracted from a path) on a small simulated machine and reports the first model
 * clause it breaks. The tree's version and Kconfig select which clauses of the {@link ReferenceModel}
 * hold (e.g. whether page + n may cross a section, whether a function requires a head).
 *
 * <p>Semantics in brief: one refcount per compound page, on the head (tails stay at zero); a per-page
 * mapcount and an entire (PMD) mapcount; pins counted separately on the head, each pin also holding a
 * reference (large-folio FOLL_PIN accounting); split fails while pins or extra references are held;
 * a compound page is freed when its refcount reaches zero and its frames can then be reallocated as
 * part of another compound page, which is what makes an unvalidated speculative reference pin an
 * unrelated page. Instances are immutable and thread-safe; each replay uses a fresh {@link Session}.
 */
public final class Simulator {

    private final ReferenceModel model;
    private final TreeContext ctx;
    private final SimConfig config;

    public Simulator(ReferenceModel model, TreeContext ctx) {
        this(model, ctx, SimConfig.DEFAULT);
    }

    public Simulator(ReferenceModel model, TreeContext ctx, SimConfig config) {
        this.model = model;
        this.ctx = ctx;
        this.config = config;
    }

    public ReferenceModel model() {
        return model;
    }

    public TreeContext context() {
        return ctx;
    }

    public SimConfig config() {
        return config;
    }

    public Session session() {
        return new Session(model, ctx, config);
    }

    /** Confirmed at the first violation of any clause, else NotConfirmed with the reason. */
    public SimResult replay(List<Op> witness) {
        return replay(witness, v -> true);
    }

    /** Confirmed at the first violation backed by a clause of {@code ruleId} (e.g. "MM007"). */
    public SimResult replayForRule(List<Op> witness, String ruleId) {
        return replay(witness, v -> ruleId.equals(v.rule()));
    }

    /** Confirmed at the first violation of {@code clauseId}. */
    public SimResult replayForClause(List<Op> witness, String clauseId) {
        return replay(witness, v -> clauseId.equals(v.clauseId()));
    }

    public SimResult replay(List<Op> witness, Predicate<Violation> expected) {
        Session s = session();
        List<Violation> seen = new ArrayList<>();
        try {
            for (Op op : witness) {
                for (Violation v : s.step(op)) {
                    if (expected.test(v)) return confirmed(v);
                    seen.add(v);
                }
            }
            for (Violation v : s.finish()) {
                if (expected.test(v)) return confirmed(v);
                seen.add(v);
            }
        } catch (InvalidWitnessException e) {
            return new SimResult.NotConfirmed("witness is not a possible execution: " + e.getMessage());
        }
        if (seen.isEmpty()) return new SimResult.NotConfirmed("the witness runs to its end without breaking a model clause");
        return new SimResult.NotConfirmed("the witness breaks other clauses only: " + seen.get(0));
    }

    private static SimResult confirmed(Violation v) {
        return new SimResult.Confirmed(v.clauseId(), v.step(), v.explanation(), v);
    }

    /** Runs every operation, collecting all violations; stops early only on an impossible step. */
    public Trace run(List<Op> ops) {
        Session s = session();
        List<Violation> all = new ArrayList<>();
        try {
            for (Op op : ops) all.addAll(s.step(op));
            all.addAll(s.finish());
        } catch (InvalidWitnessException e) {
            return new Trace(List.copyOf(all), e.getMessage(), s.log());
        }
        return new Trace(List.copyOf(all), null, s.log());
    }
}
