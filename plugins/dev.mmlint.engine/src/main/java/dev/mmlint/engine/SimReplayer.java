package dev.mmlint.engine;

import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.knowledge.AppliedClause;
import dev.mmlint.engine.knowledge.ModelKnowledge;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.sim.OpParser;
import dev.mmlint.model.sim.SimResult;
import dev.mmlint.model.sim.Simulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays findings on the executable reference model. A finding's witness (the API operations the
 * dataflow saw along its path) becomes a concrete scenario on simulated compound pages, written by
 * the finding's own check ({@link Check#scenario}): the possibly-tail lookup lands on a tail, the
 * unbounded range is a gigantic page spanning two sections, the speculative reference is never
 * validated. The simulator then says whether a clause of the finding's rule breaks, and where.
 */
public final class SimReplayer implements WitnessReplayer {
    private final Simulator sim;
    private final Map<String, Check> checks = new HashMap<>();

    public SimReplayer(ReferenceModel model, KernelContext ctx, List<Check> checks) {
        this.sim = new Simulator(model, ModelKnowledge.treeContext(ctx));
        for (Check c : checks) this.checks.putIfAbsent(c.info().id(), c);
    }

    @Override public Verdict replay(String ruleId, AppliedClause clause, List<WitnessStep> witness) {
        Check check = checks.get(ruleId);
        String ops = check == null ? null : check.scenario(witness);
        if (ops == null) return new Verdict(false, "no scenario of the reference model for this witness");
        try {
            SimResult r = sim.replayForRule(OpParser.parseAll(ops), ruleId);
            if (r instanceof SimResult.Confirmed c) return new Verdict(true, "replayed as '" + ops + "': " + c.explanation());
            return new Verdict(false, ((SimResult.NotConfirmed) r).reason() + " (replayed as '" + ops + "')");
        } catch (RuntimeException e) {
            return new Verdict(false, "the witness could not be replayed: " + e.getMessage());
        }
    }
}
