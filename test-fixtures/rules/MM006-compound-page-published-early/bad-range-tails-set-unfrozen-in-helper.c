// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a contiguous range, each page refcounted by the allocator, is handed to a static helper that makes it compound and zeroes the tails' refcounts without freezing them
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/gfp.h>

static void range_make_compound(struct page *first, unsigned int order)
{
	unsigned long k, nr = 1UL << order;
	struct page *tail = first + 1;

	__SetPageHead(first);
	for (k = 1; k < nr; k++, tail++) {
		set_page_count(tail, 0); /* expect: MM006 "without freezing" */
		set_compound_head(tail, first);
	}
}

static void range_prepare(struct page *first, unsigned int order)
{
	range_make_compound(first, order);
}

struct page *grab_compound_range(unsigned int order, int nid)
{
	struct page *first;

	first = alloc_contig_pages(1UL << order, GFP_KERNEL, nid, NULL);
	if (!first)
		return NULL;
	range_prepare(first, order);
	return first;
}
