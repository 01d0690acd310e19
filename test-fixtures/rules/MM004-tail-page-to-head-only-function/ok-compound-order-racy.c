// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: compound_order() answers 0 for a tail, so pfn walkers may call it racily (6.12 mm/compaction.c isolate_freepages_block)
 * mmlint-expect: none
 */
#include <linux/mm.h>

static unsigned long skip_compound(unsigned long blockpfn)
{
	struct page *page = pfn_to_page(blockpfn);

	if (PageCompound(page)) {
		const unsigned int order = compound_order(page);

		if (order <= MAX_PAGE_ORDER)
			return blockpfn + (1UL << order) - 1;
	}
	return blockpfn;
}
