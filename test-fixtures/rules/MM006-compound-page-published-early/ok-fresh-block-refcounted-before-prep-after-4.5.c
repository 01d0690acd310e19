// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: from 4.5 no speculative getter locks the head it got, so refcounting a fresh block before making it compound is the allocator's normal order again (a getter re-checks the compound state after its get)
 * mmlint-kernel: 4.5
 * mmlint-expect: none
 */
#include <linux/mm.h>

static void ready_block(struct page *page, unsigned int order, gfp_t gfp)
{
	set_page_private(page, 0);
	set_page_refcounted(page);
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
}
