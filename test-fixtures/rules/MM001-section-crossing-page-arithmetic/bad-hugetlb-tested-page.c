// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page found by pfn and tested PageHuge() lies in a (possibly gigantic) hugetlb folio: its pointer distance to the head and an offset of unknown range may cross a section
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
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
	return compound_nr(head) - (page - head); /* expect: MM001 "PageHuge" */
}

struct page *hugetlb_subpage(struct page *page, unsigned long idx)
{
	struct folio *folio = page_folio(page);

	if (folio_test_hugetlb(folio))
		return page + idx; /* expect: MM001 "hugetlb folio" */
	return page;
}

struct page *hugetlb_head_offset(struct page *page, unsigned long idx)
{
	struct page *head;

	if (!PageHuge(page))
		return NULL;
	head = compound_head(page);
	return head + idx; /* expect: MM001 "PageHuge" */
}
