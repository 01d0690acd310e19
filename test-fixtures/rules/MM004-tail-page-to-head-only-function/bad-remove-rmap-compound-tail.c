// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the twin of try_to_migrate_one() (Linux 6.1 mm/rmap.c): taking down a compound mapping (compound true) through a page that may be a tail trips VM_BUG_ON_PAGE(compound && !PageHead(page))
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/rmap.h>

static void unmap_compound(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return;
	page_remove_rmap(page, vma, true); /* expect: MM004 "requires a head page" */
}
