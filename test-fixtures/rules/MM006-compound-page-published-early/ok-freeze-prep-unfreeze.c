// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: freeze, prepare, then publish with page_ref_unfreeze()
 * mmlint-expect: none
 */
#include <linux/mm.h>

static bool make_compound(unsigned long pfn, unsigned int order)
{
	struct page *page = pfn_to_page(pfn);

	if (!page_ref_freeze(page, 1))
		return false;
	prep_compound_page(page, order);
	page_ref_unfreeze(page, 1);
	return true;
}

static struct page *alloc_prepared(unsigned long nr, unsigned int order, gfp_t gfp, int nid)
{
	struct page *page = alloc_contig_pages(nr, gfp, nid, NULL);

	if (!page)
		return NULL;
	prep_compound_page(page, order);
	set_page_refcounted(page);
	return page;
}
