// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the split order that keeps speculative getters out: flags copied, the page detached
 * with clear_compound_head(), and only then its refcount unfrozen or raised; a detached page handed
 * in by the caller may be refcounted at once
 * mmlint-kernel: 5.4
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/page_ref.h>

static void split_one_tail(struct page *head, int idx, bool cached)
{
	struct page *tail = head + idx;

	tail->flags |= head->flags & (1UL << PG_uptodate);
	smp_wmb();
	clear_compound_head(tail);
	if (cached)
		page_ref_add(tail, 2);
	else
		page_ref_unfreeze(tail, 1);
	tail->index = head->index + idx;
}

static void take_two(struct page *page)
{
	page_ref_add(page, 2);
	clear_compound_head(page);
}
