// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: where isolate_movable_page() returned non-zero (-EBUSY: its get_page_unless_zero() may have failed because the page is a tail) nothing is known about the page: a head-only field read there is not proven safe
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/list.h>

static bool isolate_or_inspect(unsigned long pfn, isolate_mode_t mode, struct list_head *list)
{
	struct page *page = pfn_to_page(pfn);

	if (isolate_movable_page(page, mode) != 0)
		return page->mapping != NULL; /* expect: MM002 */
	list_add(&page->lru, list);
	return true;
}
