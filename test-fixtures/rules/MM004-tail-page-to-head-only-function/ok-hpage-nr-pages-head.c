// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before 5.9, hpage_nr_pages() of the head, or of a page PageTransHuge() found to be a
 * THP head; thp_order() does not exist yet, so a function of that name carries no contract
 * mmlint-kernel: 5.4
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int count_mapped(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return 0;
	return hpage_nr_pages(compound_head(page));
}

static unsigned long skip_thp(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	if (PageTransHuge(head))
		return page_to_pfn(head) + hpage_nr_pages(head) - 1;
	return pfn;
}

static unsigned int thp_order_of(pte_t pte)
{
	return thp_order(pte_page(pte));
}
