// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the fixed page_address_in_vma() reads the mapping through compound_head() (5.14) or the
 * folio (6.1); a function the model says nothing about reads its parameter's ->mapping as its callers'
 * business, and a head-only read after a failed PageTail() test is on a head
 * mmlint-kernel: 5.14
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/rmap.h>

unsigned long page_address_in_vma(struct page *page, struct vm_area_struct *vma)
{
	if (PageAnon(page)) {
		struct anon_vma *page__anon_vma = page_anon_vma(page);

		if (!vma->anon_vma || !page__anon_vma ||
		    vma->anon_vma->root != page__anon_vma->root)
			return -EFAULT;
	} else if (!vma->vm_file) {
		return -EFAULT;
	} else if (vma->vm_file->f_mapping != compound_head(page)->mapping) {
		return -EFAULT;
	}
	if (!PageTail(page) && page->index < vma->vm_pgoff)
		return -EFAULT;
	return vma_address(page, vma);
}

static bool page_in_file(struct page *page, struct vm_area_struct *vma)
{
	return vma->vm_file && vma->vm_file->f_mapping == page->mapping;
}
