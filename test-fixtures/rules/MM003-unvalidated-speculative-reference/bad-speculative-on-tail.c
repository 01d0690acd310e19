// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: get_page_unless_zero() on a pfn walker's page, which may be a tail page
 */
#include <linux/mm.h>

static unsigned long isolate_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn, isolated = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!get_page_unless_zero(page)) /* expect: MM003 "may be a tail page" */
			continue;
		isolated++;
		put_page(page);
	}
	return isolated;
}
