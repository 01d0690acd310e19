// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a refcount set before the struct page is (re)initialised, or on another page than the one initialised, is a set on a live page
 */
#include <linux/mm.h>

static void reinit_range(unsigned long start_pfn, unsigned long end_pfn, unsigned long zone, int nid)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);
		struct page *next = pfn_to_page(pfn + 1);

		set_page_count(page, 0); /* expect: MM006 "without freezing" */
		__init_single_page(page, pfn, zone, nid);
		set_page_count(next, 0); /* expect: MM006 "without freezing" */
	}
}
