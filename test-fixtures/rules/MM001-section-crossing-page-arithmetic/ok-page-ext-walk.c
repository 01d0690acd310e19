// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page_ext walks that stay in one section: over a buddy allocation's own order, one step, or looked up per entry with for_each_page_ext()
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=y CONFIG_PAGE_EXTENSION=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/page_ext.h>

struct page *alloc_marked(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);
	struct page_ext *page_ext;
	int i;

	if (!page)
		return NULL;
	page_ext = page_ext_get(page);
	if (!page_ext)
		return page;
	for (i = 0; i < (1 << order); i++) {
		__set_bit(PAGE_EXT_IDLE, &page_ext->flags);
		page_ext = page_ext_next(page_ext);
	}
	page_ext_put(page_ext);
	return page;
}

void mark_pfn_range_idle(struct page *page, unsigned long nr)
{
	struct page_ext_iter iter;
	struct page_ext *page_ext;

	rcu_read_lock();
	for_each_page_ext(page, nr, page_ext, iter)
		__set_bit(PAGE_EXT_IDLE, &page_ext->flags);
	rcu_read_unlock();
}

bool second_is_idle(struct page *page)
{
	struct page_ext *page_ext = page_ext_get(page);
	bool idle;

	if (!page_ext)
		return false;
	idle = test_bit(PAGE_EXT_IDLE, &page_ext_next(page_ext)->flags);
	page_ext_put(page_ext);
	return idle;
}
