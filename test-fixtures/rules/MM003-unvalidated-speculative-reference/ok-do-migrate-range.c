// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: memory offlining's pfn walk (Linux 6.1 mm/memory_hotplug.c do_migrate_range(), the part after the THP test, which is MM004's): a failed get skips the pfn, and a successful one is followed by PageLRU() and isolation before the page is put on a list
 * mmlint-expect: none
 */
#include <linux/mm.h>

int isolate_lru_page(struct page *page);

static void do_migrate_range(unsigned long start_pfn, unsigned long end_pfn, struct list_head *source)
{
	unsigned long pfn;
	struct page *page;
	int ret = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);

		if (PageHWPoison(page))
			continue;

		if (!get_page_unless_zero(page))
			continue;
		/*
		 * We can skip free pages. And we can deal with pages on
		 * LRU and non-lru movable pages.
		 */
		if (PageLRU(page))
			ret = isolate_lru_page(page);
		else
			ret = isolate_movable_page(page, ISOLATE_UNEVICTABLE);
		if (!ret) { /* Success */
			list_add_tail(&page->lru, source);
			if (!__PageMovable(page))
				inc_node_page_state(page, NR_ISOLATED_ANON +
						    page_is_file_lru(page));
		}
		put_page(page);
	}
}
