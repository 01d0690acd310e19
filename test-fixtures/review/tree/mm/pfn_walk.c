// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pfn_walk.c - mmlint review fixture: a pfn walk that steps over compound pages
 */
#include <linux/mm.h>

static unsigned long skip_compound(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	if (PageHuge(head))
		return page_to_pfn(head) + thp_nr_pages(head) - 1;
	if (PageCompound(page))
		return page_to_pfn(head) + thp_nr_pages(page) - 1;
	return pfn;
}

unsigned long walk_range(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		pfn = skip_compound(pfn);
		n++;
	}
	return n;
}
