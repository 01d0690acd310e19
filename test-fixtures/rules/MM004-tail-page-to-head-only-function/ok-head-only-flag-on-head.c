// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: head-only page flag tests and put_page_testzero() on a page proven or made a head:
 * compound_head(), PageHead() taken true, or the allocation itself
 * mmlint-kernel: 5.15
 * mmlint-expect: none
 */
#include <linux/mm.h>

static bool pte_thp_poisoned(pte_t pte)
{
	struct page *page = pte_page(pte);
	struct page *head = compound_head(page);

	return PageHead(head) && PageHasHWPoisoned(head);
}

static bool pfn_head_poisoned(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (!PageHead(page))
		return false;
	return PageHasHWPoisoned(page);
}

static bool pte_page_waited(pte_t pte)
{
	return PageWaiters(compound_head(pte_page(pte)));
}

static void drop_alloc_ref(gfp_t gfp)
{
	struct page *page = alloc_pages(gfp, 0);

	if (page && put_page_testzero(page))
		__free_pages(page, 0);
}
