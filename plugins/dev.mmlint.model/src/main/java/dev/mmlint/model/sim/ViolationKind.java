package dev.mmlint.model.sim;

/** What the simulator saw go wrong; {@link #defaultRule()} is used when no model clause backs the step. */
public enum ViolationKind {
    USE_AFTER_FREE("MM003", "page used after it was freed"),
    GET_ON_ZERO_REFCOUNT("MM003", "reference taken on a page whose refcount is zero"),
    PUT_WITHOUT_REFERENCE("MM007", "reference dropped that the caller does not hold"),
    PUT_ON_PINNED("MM007", "put_page() on a page pinned with FOLL_PIN"),
    UNPIN_NOT_PINNED("MM007", "unpin of a page that is not pinned"),
    RELEASE_NOT_TAKEN("MM007", "release of pages that were never taken"),
    LEAK("MM007", "reference or pin still held at the end of the path"),
    SPECULATIVE_ON_TAIL("MM003", "speculative reference attempted on a tail page"),
    UNVALIDATED_USE("MM003", "page used through a speculative reference that was not validated"),
    HEAD_ONLY_FIELD_ON_TAIL("MM002", "head-only field read through a tail page"),
    HEAD_ONLY_CALL_ON_TAIL("MM004", "tail page passed to a head-only function"),
    REFCOUNT_ON_TAIL("MM006", "refcount set on a tail page"),
    REFCOUNT_SET_UNFROZEN("MM006", "refcount overwritten while it may be held (not frozen)"),
    PREP_OVER_LIVE_REFCOUNT("MM006", "compound page prepared over a live tail refcount"),
    PUBLISHED_BEFORE_PREPARED("MM006", "compound page published before it was prepared"),
    UNFREEZE_NOT_FROZEN("MM006", "refcount unfrozen on a page that is not frozen"),
    SECTION_CROSSING("MM001", "struct page pointer arithmetic crossed a memory section"),
    NOT_EXCLUSIVE("MM005", "page treated as exclusive on a count that proves nothing");

    private final String defaultRule;
    private final String summary;

    ViolationKind(String defaultRule, String summary) {
        this.defaultRule = defaultRule;
        this.summary = summary;
    }

    public String defaultRule() {
        return defaultRule;
    }

    public String summary() {
        return summary;
    }
}
