// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pfn arithmetic on an unsigned long is not struct page arithmetic (6.12 mm/page_isolation.c isolate_single_pageblock)
 * mmlint-expect: none
 */
#include <linux/mm.h>

static unsigned long skip_compound(struct page *page, unsigned long boundary_pfn)
{
	if (PageCompound(page)) {
		struct page *head = compound_head(page);
		unsigned long head_pfn = page_to_pfn(head);
		unsigned long nr_pages = compound_nr(head);

		if (head_pfn + nr_pages <= boundary_pfn)
			return head_pfn + nr_pages;
	}
	return 0;
}
