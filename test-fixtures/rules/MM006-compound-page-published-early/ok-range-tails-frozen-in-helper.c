// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a contiguous range, each page refcounted by the allocator, is handed to a static helper that freezes each to-be tail before linking it, and gives the range up when a tail is held
 * mmlint-expect: none
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/gfp.h>

static bool range_make_compound(struct page *first, unsigned int order)
{
	unsigned long k, nr = 1UL << order;
	struct page *tail;

	if (!page_ref_freeze(first, 1))
		return false;
	__SetPageHead(first);
	for (k = 1; k < nr; k++) {
		tail = first + k;
		if (!page_ref_freeze(tail, 1))
			return false;
		set_compound_head(tail, first);
	}
	return true;
}

struct page *grab_compound_range(unsigned int order, int nid)
{
	struct page *first;

	first = alloc_contig_pages(1UL << order, GFP_KERNEL, nid, NULL);
	if (!first)
		return NULL;
	if (!range_make_compound(first, order)) {
		free_contig_range(page_to_pfn(first), 1UL << order);
		return NULL;
	}
	return first;
}
