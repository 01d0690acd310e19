// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before 4.5 a THP was mapped by its PMD alone, and page_mapcount() of its head counted every mapping of it: a refcount above it is a reference beyond the mappings
 * mmlint-kernel: 4.4
 * mmlint-config: CONFIG_TRANSPARENT_HUGEPAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>

unsigned long count_unpinned_anon(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn, nr = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (!PageLRU(page) || !PageAnon(page))
			continue;
		/* pinned for DMA: migration would fail */
		if (page_count(page) > page_mapcount(page))
			continue;
		nr++;
	}
	return nr;
}

bool pte_page_maybe_pinned(pte_t pte)
{
	struct page *page = pte_page(pte);

	/* one reference for the caller's mapping */
	return page_count(page) - 1 > page_mapcount(page);
}
