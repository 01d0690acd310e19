// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a pfn scanner reads ->mapping only after get_page_unless_zero() succeeded on the page itself and the page was re-checked: a tail's refcount is always zero, so the page is not a tail there
 * mmlint-expect: none
 */
#include <linux/mm.h>

static unsigned long count_file_pages(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn, nr = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!get_page_unless_zero(page))
			continue;
		if (PageLRU(page) && page->mapping && !PageAnon(page))
			nr++;
		put_page(page);
	}
	return nr;
}
