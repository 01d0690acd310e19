package dev.mmlint.engine.check;

import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.flow.WitnessStep;
import java.util.List;

/**
 * One rule, as one unit: its metadata declared once ({@link #info()}), its judgement over the
 * engine's events ({@link #on}) and the scenario that replays its findings on the reference model
 * ({@link #scenario}). Checks ask generic questions of the events; the kernel knowledge that
 * produced them lives in the reference model. Implementations must be stateless (one instance
 * serves all threads). The built-in ones are listed once, in {@code dev.mmlint.checks.Checks.all()}.
 */
public interface Check {
    RuleInfo info();

    void on(Event event, Reporter reporter);

    /**
     * The concrete operations, in the simulator's language ({@code dev.mmlint.model.sim.OpParser}), that
     * realise a finding's witness on simulated pages; the replay confirms the finding when a clause of
     * this rule breaks. Null when the witness has no scenario (the finding then stays unconfirmed and
     * its confidence is lowered). See {@link Witness} for the helpers.
     */
    default String scenario(List<WitnessStep> witness) { return null; }

    /**
     * For a custom rule that cites the clauses of a built-in rule instead of owning clauses ({@code for
     * MMnnn} with its own id): that rule's id. A finding always cites an applicable clause of its own
     * rule or of this one.
     */
    default String refines() { return null; }
}
