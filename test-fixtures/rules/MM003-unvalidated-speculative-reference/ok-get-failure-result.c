// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: failed speculative gets that are skips: the function can give the same result when the get succeeds, the walk goes on to the next pfn, or the get is taken on the head, so a retry finds a page whose refcount is live
 * mmlint-expect: none
 */
#include <linux/mm.h>

/* the result says what the caller asked, not whether a reference was taken (*out says that): 0 on both paths */
static int pfn_try_ref(unsigned long pfn, bool want_lru, struct page **out)
{
	struct page *page = pfn_to_page(pfn);
	int wanted = 0;

	*out = NULL;
	if (!get_page_unless_zero(page))
		goto out;
	*out = page;
	if (want_lru)
		wanted = 1;
out:
	return wanted;
}

/* a failure goes on to the next pfn: the walk returns how many it counted either way */
static int count_live_pfns(unsigned long start, unsigned long nr)
{
	unsigned long i;
	int live = 0;

	for (i = 0; i < nr; i++) {
		struct page *page = pfn_to_page(start + i);

		if (!get_page_unless_zero(page))
			continue;
		live++;
		put_page(page);
	}
	return live;
}

/* the retry takes its reference on the head, which a live compound page keeps non-zero */
static struct page *ref_pfn_head(unsigned long pfn)
{
	struct page *page, *head;

again:
	page = pfn_to_page(pfn);
	head = compound_head(page);
	if (!get_page_unless_zero(head))
		goto again;
	if (compound_head(page) != head) {
		put_page(head);
		goto again;
	}
	return page;
}

/* a failure that goes back after advancing the pfn looks up the next page: a walk written with goto */
static struct page *first_live_pfn_page(unsigned long pfn, unsigned long end)
{
	struct page *page;

next:
	if (pfn >= end)
		return NULL;
	page = pfn_to_page(pfn);
	if (!get_page_unless_zero(page)) {
		pfn++;
		goto next;
	}
	return page;
}
