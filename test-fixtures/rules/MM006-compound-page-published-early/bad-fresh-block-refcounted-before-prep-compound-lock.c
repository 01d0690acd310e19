// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: while THP tail refcounting took compound_lock() on a head right after a speculative get_page_unless_zero() of it (2.6.38 to 4.4), a block fresh off the buddy lists that is refcounted before it is made compound can be a stale getter's head: the lock's atomic bit update races with the preparation's non-atomic head flag
 * mmlint-kernel: 3.13
 */
#include <linux/mm.h>

static void ready_block(struct page *page, unsigned int order, gfp_t gfp)
{
	set_page_private(page, 0);
	set_page_refcounted(page); /* expect: MM006 */
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
}
