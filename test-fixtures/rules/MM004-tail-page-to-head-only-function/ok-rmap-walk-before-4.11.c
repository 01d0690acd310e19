// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before 4.11 rmap_walk() found the range to walk with page_to_pgoff() of the page it
 * was given, so a PTE-mapped subpage of a THP was a valid argument
 * mmlint-kernel: 4.10
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/rmap.h>

static bool page_referenced_at(struct vm_area_struct *vma, unsigned long addr, pte_t pte,
			       struct rmap_walk_control *rwc)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return false;
	rmap_walk(page, rwc);
	return true;
}
