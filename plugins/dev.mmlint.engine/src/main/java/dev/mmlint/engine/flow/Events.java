package dev.mmlint.engine.flow;

import dev.mmlint.engine.check.Event;

/**
 * Where the models' events and learned summary facts go. While the fixpoint is computed nothing is
 * kept; in the reporting pass events reach the checks, except those raised while an expression is
 * evaluated only for its value ("silently": an assertion's condition, a loop guard's bound).
 */
interface Events {
    /** Raises {@code e} when {@link #reporting()}. */
    void emit(Event e);

    /** In the reporting pass and not evaluating silently. */
    boolean reporting();

    /** Records that the function requires parameter {@code param} to be a head (reporting pass only). */
    void requiresHead(int param, FunctionSummary.Requirement r);

    /** In the reporting pass (silently or not): summary facts are learned. */
    boolean learning();
}
