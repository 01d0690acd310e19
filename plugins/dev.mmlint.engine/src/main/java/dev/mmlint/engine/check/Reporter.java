package dev.mmlint.engine.check;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.knowledge.Clause;
import java.util.List;

/** Where a check reports a finding for the event it is judging. */
public interface Reporter {
    /**
     * @param clause  the model clause violated (must apply to this tree, else nothing is reported)
     * @param witness the API operations along the path, replayed on the reference model
     */
    void report(Check check, Event at, String message, Clause clause, Confidence confidence, List<Evidence> evidence,
                String fixHint, List<Fix> fixes, List<WitnessStep> witness);

    /** 1-based line of an offset of the analysed text (for evidence). */
    int line(int offset);

    int column(int offset);

    /** The text at an event (for messages). */
    String text(int offset, int length);
}
