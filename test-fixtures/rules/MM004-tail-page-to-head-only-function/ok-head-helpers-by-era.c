// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same helpers before their folio conversions, given the head: compound_head(),
 * or a page PageTail() found not to be a tail
 * mmlint-kernel: 5.6
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static int pte_thp_mapcount(pte_t pte)
{
	return total_mapcount(compound_head(pte_page(pte)));
}

static void offline_isolate_hugetlb(unsigned long pfn, struct list_head *list)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	if (PageHuge(page))
		isolate_huge_page(head, list);
}

static void offline_putback_hugetlb(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageHuge(page) && !PageTail(page))
		putback_active_hugepage(page);
}

static void mlock_mapped(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (page && !PageTransCompound(page))
		mlock_vma_page(page);
}
