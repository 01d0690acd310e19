// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a gigantic page gets its refcount before prep_compound_page() makes it compound
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static struct page *alloc_gigantic(struct hstate *h, gfp_t gfp, int nid)
{
	struct page *page = alloc_contig_pages(pages_per_huge_page(h), gfp, nid, NULL);

	if (!page)
		return NULL;
	set_page_refcounted(page); /* expect: MM006 "before prep_compound_page()" */
	prep_compound_page(page, huge_page_order(h));
	return page;
}
