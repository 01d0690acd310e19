// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: in the compound_lock era (2.6.38 to 4.4) a fresh block made compound first and refcounted last is safe: a stale getter's get_page_unless_zero() fails until the head is complete
 * mmlint-kernel: 3.13
 * mmlint-expect: none
 */
#include <linux/mm.h>

static void ready_block(struct page *page, unsigned int order, gfp_t gfp)
{
	set_page_private(page, 0);
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
	smp_wmb();
	set_page_refcounted(page);
}
