// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the page of an object pointer the function is handed may be a tail of a multi-page slab or kmalloc block; before the 4.5 flag policies PageSlab() on it answered for the tail
 * mmlint-kernel: 4.4
 */
#include <linux/mm.h>
#include <linux/slab.h>

size_t obj_alloc_size(const void *obj)
{
	struct page *page;

	if (!obj)
		return 0;
	page = virt_to_page(obj);
	if (PageSlab(page)) /* expect: MM004 "PageSlab" */
		return ksize(obj);
	return PAGE_SIZE << compound_order(page);
}
