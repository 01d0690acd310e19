// SPDX-License-Identifier: GPL-2.0
/*
 * cli golden fixture (from the rule fixtures): mapcount tested only after compound pages are excluded
 *
 */
#include <linux/mm.h>

static vm_fault_t wp_page_reuse_or_copy(struct vm_fault *vmf, pte_t orig_pte)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page = vm_normal_page(vma, vmf->address, orig_pte);

	if (!page || PageCompound(page))
		return wp_page_copy(vmf);
	if (PageAnon(page) && page_mapcount(page) == 1) {
		wp_page_reuse(vmf);
		return 0;
	}
	return wp_page_copy(vmf);
}

/* a mapcount used as a statistic, not compared as an exclusivity test */
static unsigned long count_mapped(pte_t pte)
{
	struct page *page = pte_page(pte);

	return page_mapcount(page) > 8 ? 1 : 0;
}
