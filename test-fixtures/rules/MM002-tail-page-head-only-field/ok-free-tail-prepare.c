// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: freeing code resets the fields of a page it tested to be a tail (6.12 mm/page_alloc.c free_tail_page_prepare)
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int free_tail_prepare(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (!PageTail(page))
		return 0;
	page->mapping = NULL;
	clear_compound_head(page);
	return 1;
}
