// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pages tested PageHuge() measured by pfn, stepped by nth_page() or by one; an offset of unknown range where the test failed
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

unsigned long hugetlb_pages_left(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head;

	if (!PageHuge(page))
		return 1;
	head = compound_head(page);
	return compound_nr(head) - (pfn - page_to_pfn(head));
}

struct page *hugetlb_subpage(struct page *page, unsigned long idx)
{
	struct folio *folio = page_folio(page);

	if (folio_test_hugetlb(folio))
		return nth_page(page, idx);
	return page + 1;
}

struct page *small_subpage(struct page *page, unsigned long idx)
{
	if (PageHuge(page))
		return NULL;
	return page + idx;
}
