/*
 * corpus: c24d37322548-gup-try-get-compound-head-split (before)
 * mmlint-kernel: 5.12
 * source: github:zhangyinjun/linux-5.12.9@38c16b0cce67918e4433d40bebbf4e34d6a5250f:mm/gup.c
 */
static inline struct page *try_get_compound_head(struct page *page, int refs)
{
	struct page *head = compound_head(page);

	if (WARN_ON_ONCE(page_ref_count(head) < 0))
		return NULL;
	if (unlikely(!page_cache_add_speculative(head, refs)))  /* expect: MM003 */
		return NULL;
	return head;
}
