// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: compaction's migrate scanner (Linux 6.1 mm/compaction.c isolate_migratepages_block()): a failed get goes where every other rejected pfn goes, and after a successful one PageLRU() is re-checked before the page is used as an LRU head
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>

struct compact_control {
	struct list_head migratepages;
	unsigned long nr_migratepages;
	gfp_t gfp_mask;
};

static unsigned long isolate_migratepages_block(struct compact_control *cc, unsigned long low_pfn,
						unsigned long end_pfn, isolate_mode_t mode)
{
	struct page *page = NULL;
	struct address_space *mapping;
	unsigned long nr_isolated = 0;

	for (; low_pfn < end_pfn; low_pfn++) {
		page = pfn_to_page(low_pfn);

		if (PageBuddy(page))
			continue;

		/*
		 * Check may be lockless but that's ok as we recheck later
		 * (the non-LRU movable path is left out here).
		 */
		if (!PageLRU(page))
			goto isolate_fail;

		if (unlikely(!get_page_unless_zero(page)))
			goto isolate_fail;

		mapping = page_mapping(page);
		if (!mapping && (page_count(page) - 1) > total_mapcount(page))
			goto isolate_fail_put;

		/* Only take pages on LRU: a check now makes later tests safe */
		if (!PageLRU(page))
			goto isolate_fail_put;

		if ((mode & ISOLATE_ASYNC_MIGRATE) && PageWriteback(page))
			goto isolate_fail_put;

		/* Try isolate the page */
		if (!TestClearPageLRU(page))
			goto isolate_fail_put;

		/* The whole page is taken off the LRU; skip the tail pages. */
		if (PageCompound(page))
			low_pfn += compound_nr(page) - 1;

		list_add(&page->lru, &cc->migratepages);
		cc->nr_migratepages += compound_nr(page);
		nr_isolated += compound_nr(page);
		continue;

isolate_fail_put:
		put_page(page);

isolate_fail:
		continue;
	}

	return low_pfn;
}
