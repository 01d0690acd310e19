// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: head-only functions given compound_head() or a page proven not to be a tail
 * mmlint-kernel: 5.10
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/mmdebug.h>

static void move_anon_page(struct page *page, struct vm_area_struct *vma)
{
	VM_BUG_ON_PAGE(PageTail(page), page);
	set_anon_vma(page, vma);
}

static bool page_referenced_at(struct vm_area_struct *vma, unsigned long addr, pte_t pte,
			       struct rmap_walk_control *rwc)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return false;
	rmap_walk(compound_head(page), rwc);
	if (!PageTail(page))
		move_anon_page(page, vma);
	return true;
}

/* a parameter of unknown provenance is the caller's business, not a finding here */
static void walk_given_page(struct page *page, struct rmap_walk_control *rwc)
{
	rmap_walk(page, rwc);
}
