// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the allocator hands a block fresh off the buddy lists to its preparation step, which refcounts it before making it compound: the normal upstream order
 * mmlint-expect: none
 */
#include <linux/mm.h>

static void ready_block(struct page *page, unsigned int order, gfp_t gfp)
{
	set_page_refcounted(page);
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
}
