// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page + i and &head[i] over compound_nr() or folio_nr_pages() once a hugetlb test refused hugetlb folios on every path: a THP or another buddy compound page, inside one section
 * mmlint-kernel: 5.17
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

bool any_subpage_mapped(struct page *page)
{
	struct page *head = compound_head(page);
	int i;

	if (!PageCompound(head))
		return atomic_read(&head->_mapcount) >= 0;
	if (PageHuge(head))
		return false;
	for (i = 0; i < compound_nr(head); i++)
		if (atomic_read(&head[i]._mapcount) >= 0)
			return true;
	return false;
}

void flush_folio_subpages(struct folio *folio)
{
	struct page *first = &folio->page;
	long i;

	if (folio_test_hugetlb(folio))
		return;
	for (i = 0; i < folio_nr_pages(folio); i++)
		flush_dcache_page(first + i);
}
