// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: vm_normal_page() of a PTE-mapped THP handed to rmap_walk(), which wants the head
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/rmap.h>

static bool page_referenced_at(struct vm_area_struct *vma, unsigned long addr, pte_t pte,
			       struct rmap_walk_control *rwc)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return false;
	rmap_walk(page, rwc); /* expect: MM004 "requires a head page" */
	return true;
}
