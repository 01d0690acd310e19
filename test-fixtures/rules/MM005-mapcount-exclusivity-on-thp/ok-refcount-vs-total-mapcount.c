// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: references beyond the mappings inferred where the counts are comparable: on a page that is no compound page, against every subpage's mappings (total_mapcount(), folio_mapcount()), and on a page handed in by the caller, whose kind this code does not choose
 * mmlint-kernel: 5.15
 * mmlint-config: CONFIG_TRANSPARENT_HUGEPAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>

unsigned long count_unpinned_small_anon(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn, nr = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (PageCompound(page))
			continue;
		if (!PageLRU(page) || !PageAnon(page))
			continue;
		if (page_count(page) > page_mapcount(page))
			continue;
		nr++;
	}
	return nr;
}

bool pte_page_maybe_pinned(pte_t pte)
{
	/* total_mapcount() wants the head until 5.19 (VM_BUG_ON_PAGE(PageTail(page), page)) */
	struct page *page = compound_head(pte_page(pte));

	return page_count(page) - 1 > total_mapcount(page);
}

bool pte_folio_maybe_pinned(pte_t pte)
{
	struct folio *folio = page_folio(pte_page(pte));

	return folio_ref_count(folio) - 1 > folio_mapcount(folio);
}

bool anon_page_has_extra_refs(struct page *page, int extra)
{
	return page_count(page) - extra > page_mapcount(page);
}

/* the head a slot holds, against the mappings of all its subpages and one cache reference for each */
bool cache_page_pinned(struct address_space *mapping, pgoff_t index)
{
	XA_STATE(xas, &mapping->i_pages, index);
	struct page *page;
	bool pinned = false;

	rcu_read_lock();
	page = xas_load(&xas);
	if (page && !xa_is_value(page))
		pinned = page_count(page) - total_mapcount(page) != thp_nr_pages(page);
	rcu_read_unlock();
	return pinned;
}
