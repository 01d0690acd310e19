// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: memmap initialisation writes every struct page, so it asks nothing of its argument (6.12 mm/mm_init.c __init_single_page)
 * mmlint-expect: none
 */
#include <linux/mm.h>

static void init_single_page(struct page *page, unsigned long pfn, unsigned long zone, int nid)
{
	mm_zero_struct_page(page);
	set_page_links(page, zone, nid, pfn);
	init_page_count(page);
	page->mapping = NULL;
	INIT_LIST_HEAD(&page->lru);
}

static void init_range(unsigned long start_pfn, unsigned long end_pfn, unsigned long zone, int nid)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn++)
		init_single_page(pfn_to_page(pfn), pfn, zone, nid);
}
