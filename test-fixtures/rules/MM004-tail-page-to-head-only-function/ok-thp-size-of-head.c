// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: thp_order(), thp_size() and hpage_nr_pages() given a head: compound_head(), a page
 * PageHead() or PageTransHuge() found to be one, or a version where the helper has no head contract
 * mmlint-kernel: 5.15
 * mmlint-expect: none
 */
#include <linux/mm.h>

static unsigned long next_thp_pfn(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	return page_to_pfn(head) + (1UL << thp_order(head));
}

static unsigned long pte_mapped_bytes(pte_t pte)
{
	struct page *page = pte_page(pte);

	if (!PageHead(page))
		return PAGE_SIZE;
	return thp_size(page);
}

/* 5.15 has no hpage_nr_pages(): a driver's helper of that name is not the THP one */
static int hpage_nr_pages_of(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	return page ? hpage_nr_pages(page) : 0;
}
