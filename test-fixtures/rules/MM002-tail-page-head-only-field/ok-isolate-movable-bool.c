// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: since isolate_movable_page() returns bool its success is true: the page a pfn walker isolated is not a tail there (6.12 isolate_migratepages_block())
 * mmlint-kernel: 6.12
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/list.h>

static bool isolate_one(unsigned long pfn, isolate_mode_t mode, struct list_head *list)
{
	struct page *page = pfn_to_page(pfn);

	if (PageLRU(page) || !__PageMovable(page))
		return false;
	if (isolate_movable_page(page, mode)) {
		list_add(&page->lru, list);
		return true;
	}
	return false;
}
