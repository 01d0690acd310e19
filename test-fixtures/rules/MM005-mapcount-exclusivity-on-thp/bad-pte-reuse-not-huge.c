// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the twin of hugetlb_wp() (Linux 6.1 mm/hugetlb.c) on an entry read with ptep_get(): pte_page() of an ordinary PTE may be a subpage of a PTE-mapped THP, so its mapcount proves nothing
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_HUGETLB_PAGE=y CONFIG_TRANSPARENT_HUGEPAGE=y
 */
#include <linux/mm.h>

void page_move_anon_rmap(struct page *page, struct vm_area_struct *vma);

static vm_fault_t pte_wp(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);
	struct page *old_page;

	old_page = pte_page(pte);
	if (page_mapcount(old_page) == 1 && PageAnon(old_page)) { /* expect: MM005 "no proof of exclusive ownership" */
		if (!PageAnonExclusive(old_page))
			page_move_anon_rmap(old_page, vma);
		return 0;
	}
	return VM_FAULT_OOM;
}
