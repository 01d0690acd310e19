package dev.mmlint.model.api;

/**
 * "The model says {@code function} requires a head page at argument {@code paramIndex} in these kernels":
 * input for the front-end-based drift report ({@code mmlint model verify}), which checks the claim
 * against a real tree (e.g. a VM_BUG_ON_PAGE(PageTail(page)) or a page_folio() call in the body).
 */
public record HeadRequirement(String function, int paramIndex, String paramName, VersionWindow window, String kconfig,
        String clauseId, String rule, Confidence confidence) {
}
