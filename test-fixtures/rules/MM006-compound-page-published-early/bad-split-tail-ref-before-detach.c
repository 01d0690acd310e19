// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: splitting a compound page, each new page is given its refcount while it is still a
 * tail (on either branch), before clear_compound_head() makes it a page of its own
 * mmlint-kernel: 5.4
 */
#include <linux/mm.h>
#include <linux/page_ref.h>

static void split_one_tail(struct page *head, int idx, bool cached)
{
	struct page *tail = head + idx;

	if (cached)
		page_ref_add(tail, 2); /* expect: MM006 "before clear_compound_head()" */
	else
		page_ref_inc(tail); /* expect: MM006 "before clear_compound_head()" */
	tail->flags |= head->flags & (1UL << PG_uptodate);
	smp_wmb();
	clear_compound_head(tail);
	tail->index = head->index + idx;
}
