// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a hugetlb page freed as a buddy block on one path and as a gigantic page on the other is walked with page[i]
 * mmlint-kernel: 5.10
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static void release_pool_page(struct hstate *h, struct page *page)
{
	unsigned long nr = pages_per_huge_page(h);
	unsigned long i;

	for (i = 0; i < nr; i++)
		page[i].flags &= ~(1UL << PG_dirty); /* expect: MM001 */
	set_page_refcounted(page);
	if (hstate_is_gigantic(h))
		free_gigantic_page(page, huge_page_order(h));
	else
		__free_pages(page, huge_page_order(h));
}
