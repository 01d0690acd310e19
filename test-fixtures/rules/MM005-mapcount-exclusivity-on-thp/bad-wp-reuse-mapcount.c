// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: write fault reuse decided by page_mapcount() == 1 on a page that may be in a THP
 */
#include <linux/mm.h>

static vm_fault_t wp_page_reuse_or_copy(struct vm_fault *vmf, pte_t orig_pte)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page = vm_normal_page(vma, vmf->address, orig_pte);

	if (!page)
		return wp_page_copy(vmf);
	if (PageAnon(page) && page_mapcount(page) == 1) { /* expect: MM005 "no proof of exclusive ownership" */
		wp_page_reuse(vmf);
		return 0;
	}
	return wp_page_copy(vmf);
}
