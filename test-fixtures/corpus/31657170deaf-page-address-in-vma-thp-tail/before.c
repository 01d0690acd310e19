/*
 * corpus: 31657170deaf-page-address-in-vma-thp-tail (before)
 * mmlint-kernel: 5.12
 * source: github:zhangyinjun/linux-5.12.9@38c16b0cce67918e4433d40bebbf4e34d6a5250f:mm/rmap.c
 */
unsigned long page_address_in_vma(struct page *page, struct vm_area_struct *vma)
{
	unsigned long address;
	if (PageAnon(page)) {
		struct anon_vma *page__anon_vma = page_anon_vma(page);
		/*
		 * Note: swapoff's unuse_vma() is more efficient with this
		 * check, and needs it to match anon_vma when KSM is active.
		 */
		if (!vma->anon_vma || !page__anon_vma ||
		    vma->anon_vma->root != page__anon_vma->root)
			return -EFAULT;
	} else if (page->mapping) { /* expect: MM002 */
		if (!vma->vm_file || vma->vm_file->f_mapping != page->mapping) /* expect: MM002 */
			return -EFAULT;
	} else
		return -EFAULT;
	address = __vma_address(page, vma);
	if (unlikely(address < vma->vm_start || address >= vma->vm_end))
		return -EFAULT;
	return address;
}
