// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: references beyond the mappings inferred from page_mapcount(): a page found by pfn, in a PTE or at an index of a page cache head may be part of a PTE-mapped THP, whose other subpages' mappings hold references on it that page_mapcount() of this one page does not count, so the THP always looks pinned
 * mmlint-kernel: 5.15
 * mmlint-config: CONFIG_TRANSPARENT_HUGEPAGE=y
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
		if (page_count(page) > page_mapcount(page)) /* expect: MM005 "mappings of 'page' alone" */
			continue;
		nr++;
	}
	return nr;
}

bool pte_page_maybe_pinned(pte_t pte)
{
	struct page *page = pte_page(pte);

	/* one reference for the caller's mapping */
	return page_ref_count(page) - 1 > page_mapcount(page); /* expect: MM005 */
}

/* a page cache page pinned beyond the cache's own reference: the slot holds the head, the page at the index may be a tail */
bool cache_page_pinned(struct address_space *mapping, pgoff_t index)
{
	XA_STATE(xas, &mapping->i_pages, index);
	struct page *page;
	bool pinned = false;

	rcu_read_lock();
	page = xas_load(&xas);
	if (page && !xa_is_value(page)) {
		page = find_subpage(page, index);
		pinned = page_count(page) - page_mapcount(page) > 1; /* expect: MM005 "against the mappings" */
	}
	rcu_read_unlock();
	return pinned;
}
