package dev.mmlint.engine;

import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.List;

/**
 * Replays a finding's witness (the API operations along its path) on the executable reference
 * model, which confirms the violation or does not.
 */
public interface WitnessReplayer {
    record Verdict(boolean confirmed, String explanation) {}

    Verdict replay(String ruleId, AppliedClause clause, List<WitnessStep> witness);
}
