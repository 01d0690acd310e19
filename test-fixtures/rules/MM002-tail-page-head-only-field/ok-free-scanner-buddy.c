// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: compaction's free scanner finds a page by pfn and uses it only once
 * __isolate_free_page() or PageBuddy() said it starts a free buddy block (6.12 fast_isolate_freepages())
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/list.h>

static unsigned long isolate_high(unsigned long high_pfn, unsigned int order, struct list_head *freepages)
{
	struct page *page = pfn_to_page(high_pfn);

	if (!__isolate_free_page(page, order))
		return 0;
	set_page_private(page, order);
	list_add_tail(&page->lru, freepages);
	return 1UL << order;
}

static bool take_if_free(unsigned long pfn, struct list_head *list)
{
	struct page *page = pfn_to_page(pfn);

	if (!PageBuddy(page))
		return false;
	list_add(&page->lru, list);
	return true;
}
