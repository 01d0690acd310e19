// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: PageTransHuge() on a page that may be a tail is itself the bug; on its true branch the page is a head, on the false branch it may still be a tail
 */
#include <linux/mm.h>

static unsigned long next_pfn(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageTransHuge(page)) /* expect: MM004 "PageTransHuge" */
		return pfn + thp_nr_pages(page);
	return pfn + 1;
}

static unsigned long pages_here(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (!PageTransHuge(page)) /* expect: MM004 "PageTransHuge" */
		return thp_nr_pages(page); /* expect: MM004 "thp_nr_pages" */
	return 0;
}
