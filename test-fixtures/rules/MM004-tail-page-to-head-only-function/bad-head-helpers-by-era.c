// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before their folio conversions total_mapcount(), isolate_huge_page(),
 * putback_active_hugepage(), mlock_vma_page() and munlock_vma_page() assert a head
 * mmlint-kernel: 5.6
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static int pte_thp_mapcount(pte_t pte)
{
	struct page *page = pte_page(pte);

	return total_mapcount(page); /* expect: MM004 "requires a head page" */
}

static void offline_isolate_hugetlb(unsigned long pfn, struct list_head *list)
{
	struct page *page = pfn_to_page(pfn);

	if (PageHuge(page))
		isolate_huge_page(page, list); /* expect: MM004 "requires a head page" */
}

static void offline_putback_hugetlb(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageHuge(page))
		putback_active_hugepage(page); /* expect: MM004 "requires a head page" */
}

static void mlock_mapped(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (page)
		mlock_vma_page(page); /* expect: MM004 "requires a head page" */
}

static unsigned int munlock_mapped(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return 0;
	return munlock_vma_page(page); /* expect: MM004 "requires a head page" */
}
