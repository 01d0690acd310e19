// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same release walks a possibly gigantic page by pfn (nth_page), or a buddy-freed page within its order
 * mmlint-kernel: 5.10
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static void release_pool_page(struct hstate *h, struct page *page)
{
	unsigned long nr = pages_per_huge_page(h);
	unsigned long i;

	for (i = 0; i < nr; i++)
		nth_page(page, i)->flags &= ~(1UL << PG_dirty);
	set_page_refcounted(page);
	if (hstate_is_gigantic(h))
		free_gigantic_page(page, huge_page_order(h));
	else
		__free_pages(page, huge_page_order(h));
}

/* freed as one buddy block on every path: page + i inside the block */
static void release_block(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++)
		page[i].flags &= ~(1UL << PG_dirty);
	__free_pages(page, order);
}
