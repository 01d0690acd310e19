// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: where PageTransHuge() of a head returned true, the page is the head of a THP, so head-only functions may follow on that branch
 * mmlint-expect: none
 */
#include <linux/mm.h>

static unsigned long skip_thp(struct page *page, unsigned long pfn)
{
	struct page *head = compound_head(page);

	if (PageTransHuge(head))
		return page_to_pfn(head) + thp_nr_pages(head) - 1;
	return pfn;
}

static unsigned long nr_in_block(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageTail(page))
		return 0;
	if (PageTransHuge(page))
		return thp_nr_pages(page);
	return 1;
}
