// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page_remove_rmap() needs the head only for a compound (PMD or hugetlb) mapping (Linux 6.1 mm/rmap.c try_to_migrate_one()): the subpage of a PTE mapping goes with compound false, and the hugetlb case, decided at run time, maps the folio whole
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/rmap.h>

static void unmap_one_pte(struct folio *folio, struct vm_area_struct *vma, unsigned long pfn)
{
	struct page *subpage = folio_page(folio, pfn - folio_pfn(folio));

	page_remove_rmap(subpage, vma, folio_test_hugetlb(folio));
	folio_put(folio);
}

static void unmap_one_small(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return;
	page_remove_rmap(page, vma, false);
}
