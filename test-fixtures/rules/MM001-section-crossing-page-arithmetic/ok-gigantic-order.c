// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: an order the model does not call gigantic, a walk that looks the page up again by pfn every MAX_ORDER_NR_PAGES, and nth_page() stay quiet
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_PAGE_EXTENSION=y CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/page_ext.h>

void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long nr = 1UL << order;
	struct page *p = page + 1;
	unsigned long i;

	__SetPageHead(page);
	for (i = 1; i < nr; i++, p++) {
		if ((i & (MAX_ORDER_NR_PAGES - 1)) == 0)
			p = pfn_to_page(page_to_pfn(page) + i);
		set_page_private(p, 0);
	}
	for (i = 1; i < nr; i++)
		clear_compound_head(nth_page(page, i));
}

static void owner_set_order(struct page_ext *ext, unsigned short count_order, int value)
{
	int i;

	for (i = 0; i < (1 << count_order); i++) {
		__set_bit(value, &ext->flags);
		ext = page_ext_next(ext);
	}
}

/* the new order of a split is at most the old one: only old_order may be gigantic */
void __split_page_owner(struct page *page, int old_order, int new_order)
{
	struct page_ext *ext = page_ext_get(page);

	if (!ext)
		return;
	owner_set_order(ext, new_order, PAGE_EXT_OWNER);
	page_ext_put(ext);
}

/* a buddy allocation's order: one block of at most MAX_ORDER pages */
struct page *alloc_marked(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);
	struct page_ext *ext;

	if (!page)
		return NULL;
	ext = page_ext_get(page);
	if (ext) {
		owner_set_order(ext, order, PAGE_EXT_OWNER_ALLOCATED);
		page_ext_put(ext);
	}
	return page;
}
