// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the refcount of a live page found by pfn is overwritten without freezing it
 */
#include <linux/mm.h>

static void reset_page_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	set_page_count(page, 1); /* expect: MM006 "without freezing" */
}
