// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the page of an object pointer the function is handed is resolved to its head before the slab test; the page of an address the function allocated itself is the allocation's first page
 * mmlint-expect: none
 * mmlint-kernel: 4.4
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/gfp.h>

size_t obj_alloc_size(const void *obj)
{
	struct page *page;

	if (!obj)
		return 0;
	page = virt_to_head_page(obj);
	if (PageSlab(page))
		return ksize(obj);
	return PAGE_SIZE << compound_order(page);
}

bool buf_is_slab(size_t size)
{
	void *buf = kmalloc(size, GFP_KERNEL);
	bool slab;

	if (!buf)
		return false;
	slab = PageSlab(virt_to_page(buf));
	kfree(buf);
	return slab;
}

bool addr_page_is_slab(unsigned long addr)
{
	return PageSlab(virt_to_page((void *)addr));
}
