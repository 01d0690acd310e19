/*
 * corpus: 6cfd53fc0367-nommu-kobjsize-tail (before)
 * mmlint-kernel: 2.6.26
 * source: github:yifengyou/linux-2.6.26@6f09bdfc717a0e1a89a029001484d5a195faab64:mm/nommu.c
 */
unsigned int kobjsize(const void *objp)
{
	struct page *page;

	/*
	 * If the object we have should not have ksize performed on it,
	 * return size of 0
	 */
	if (!objp || (unsigned long)objp >= memory_end || !((page = virt_to_page(objp))))
		return 0;

	if (PageSlab(page)) /* expect: MM004 */
		return ksize(objp);

	BUG_ON(page->index < 0);
	BUG_ON(page->index >= MAX_ORDER);

	return (PAGE_SIZE << page->index);
}
