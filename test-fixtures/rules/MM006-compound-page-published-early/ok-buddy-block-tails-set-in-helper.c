// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a block fresh off the buddy lists (only its first page refcounted, its other pages at zero) is handed to a static helper that sets the tails' refcounts to zero: no speculative getter can hold one
 * mmlint-expect: none
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/gfp.h>

static void block_make_compound(struct page *first, unsigned int order)
{
	unsigned long k, nr = 1UL << order;
	struct page *tail = first + 1;

	__SetPageHead(first);
	for (k = 1; k < nr; k++, tail++) {
		set_page_count(tail, 0);
		set_compound_head(tail, first);
	}
}

struct page *grab_compound_block(unsigned int order)
{
	struct page *first = alloc_pages(GFP_KERNEL, order);

	if (!first)
		return NULL;
	block_make_compound(first, order);
	return first;
}
