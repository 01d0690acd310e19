// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a function the model says accepts a tail (page_address_in_vma(): memory-failure passes
 * the poisoned subpage of a THP) reads ->mapping of its parameter as if it were the head (31657170deaf);
 * only the head-only reads are MM002: a head-only call in its body and its callers are left to their own
 * rules
 * mmlint-kernel: 5.12
 */
#include <linux/mm.h>
#include <linux/rmap.h>

unsigned long page_address_in_vma(struct page *page, struct vm_area_struct *vma)
{
	unsigned long address;

	if (PageAnon(page)) {
		struct anon_vma *page__anon_vma = page_anon_vma(page);

		if (!vma->anon_vma || !page__anon_vma ||
		    vma->anon_vma->root != page__anon_vma->root)
			return -EFAULT;
	} else if (page->mapping) { /* expect: MM002 "accepts as a tail" */
		if (!vma->vm_file || vma->vm_file->f_mapping != page->mapping) /* expect: MM002 */
			return -EFAULT;
	} else
		return -EFAULT;
	if (PageTransHuge(page))
		return -EFAULT;
	address = vma->vm_start + ((page->index - vma->vm_pgoff) << PAGE_SHIFT); /* expect: MM002 "page->index" */
	if (unlikely(address < vma->vm_start || address >= vma->vm_end))
		return -EFAULT;
	return address;
}

static unsigned long subpage_address(pte_t pte, struct vm_area_struct *vma)
{
	return page_address_in_vma(pte_page(pte), vma);
}
