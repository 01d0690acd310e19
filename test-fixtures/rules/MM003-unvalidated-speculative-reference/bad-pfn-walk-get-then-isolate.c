// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a pfn walker takes the speculative reference on a page that may be a THP tail (the
 * 6.1 do_migrate_range() loop); where get_page_unless_zero() succeeded the page was not a tail (tails
 * keep a zero refcount), so the head-only uses after it are not findings of their own
 */
#include <linux/mm.h>

static void migrate_range(unsigned long start_pfn, unsigned long end_pfn, struct list_head *source)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!get_page_unless_zero(page)) /* expect: MM003 "may be a tail page" */
			continue;
		if (PageTransHuge(page))
			pfn += thp_nr_pages(page) - 1;
		list_add_tail(&page->lru, source);
	}
}
