package dev.mmlint.engine.check;

import dev.mmlint.engine.api.RuleInfo;

/**
 * One rule: metadata declared once, and a judgement over the engine's events. Checks ask generic
 * questions of the events; the kernel knowledge that produced them lives in the reference model.
 * Implementations must be stateless (one instance serves all threads).
 */
public interface Check {
    RuleInfo info();

    void on(Event event, Reporter reporter);

    /**
     * For a custom rule (Java next to the rule files): the built-in rule whose model clauses its
     * findings cite. A finding always cites an applicable clause of its own rule or of this one.
     */
    default String refines() { return null; }
}
