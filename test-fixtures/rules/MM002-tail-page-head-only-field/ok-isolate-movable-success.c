// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a pfn walker uses ->lru of a page found by pfn_to_page() only where isolate_movable_page() returned 0: it took a reference with get_page_unless_zero(), which fails on a tail (6.1 isolate_migratepages_block(), do_migrate_range())
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/list.h>

static unsigned long isolate_movable_range(unsigned long start_pfn, unsigned long end_pfn,
					   isolate_mode_t mode, struct list_head *list)
{
	unsigned long pfn, nr = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (PageLRU(page) || !__PageMovable(page))
			continue;
		if (!isolate_movable_page(page, mode))
			goto isolated;
		continue;
isolated:
		list_add(&page->lru, list);
		nr++;
	}
	return nr;
}

static int offline_isolate(unsigned long pfn, struct list_head *list)
{
	struct page *page = pfn_to_page(pfn);
	int ret;

	ret = isolate_movable_page(page, ISOLATE_UNEVICTABLE);
	if (!ret)
		list_add_tail(&page->lru, list);
	return ret;
}

static bool soft_offline_isolate(unsigned long pfn, struct list_head *list)
{
	struct page *page = pfn_to_page(pfn);

	if (isolate_movable_page(page, ISOLATE_UNEVICTABLE) == 0) {
		list_add(&page->lru, list);
		return true;
	}
	return false;
}
