package dev.mmlint.engine.knowledge;

/**
 * What the model says about a size or order expression used as a pfn offset.
 *
 * @param bounded true: stays within one MAX_ORDER block; false: may cross a memory section
 * @param what    how the expression was recognised, for the evidence line
 */
public record RangeClass(boolean bounded, String what, AppliedClause clause) {}
