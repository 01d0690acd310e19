package dev.mmlint.engine.knowledge;

import dev.mmlint.model.api.Confidence;

/**
 * A reference-model clause as the engine sees it for one analysed tree.
 *
 * @param id            e.g. contiguity.gigantic-hugetlb
 * @param ruleId        the MMnnn rule it backs
 * @param applies       whether it applies to the tree (version window and Kconfig predicate)
 * @param conditional   applies only under a Kconfig condition the tree's config does not fix
 * @param applicability why it applies (or not): "kernel 6.12 < 6.18; CONFIG_SPARSEMEM … not fixed by any config"
 */
public record Clause(String id, String ruleId, Confidence confidence, boolean applies, boolean conditional,
                     String applicability, String summary) {}
