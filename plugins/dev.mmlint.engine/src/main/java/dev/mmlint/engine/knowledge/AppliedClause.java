package dev.mmlint.engine.knowledge;

import dev.mmlint.model.api.Confidence;

/**
 * A reference-model clause ({@link dev.mmlint.model.api.Clause}) as it applies to one analysed tree:
 * its applicability there (version window and Kconfig predicate against the tree), the confidence and
 * summary a finding carries. The model's clause is the one Clause; this is its reading for a tree.
 *
 * @param id            e.g. contiguity.gigantic-hugetlb
 * @param ruleId        the MMnnn rule it backs
 * @param applies       whether it applies to the tree (version window and Kconfig predicate)
 * @param conditional   applies only under a Kconfig condition the tree's config does not fix
 * @param applicability why it applies (or not): "kernel 6.12 < 6.18; CONFIG_SPARSEMEM … not fixed by any config"
 */
public record AppliedClause(String id, String ruleId, Confidence confidence, boolean applies, boolean conditional,
                     String applicability, String summary) {}
