// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: turning a contiguous range into a compound page: the loop that freezes the pages starts at the head (offset 0), or the head is frozen first; a range of pages the caller owns, none frozen, is made compound without a finding
 * mmlint-expect: none
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/page_ref.h>

static bool range_to_compound(struct page *first, unsigned int order)
{
	unsigned long k, nr = 1UL << order;
	struct page *pg;

	__SetPageHead(first);
	for (k = 0; k < nr; k++) {
		pg = first + k;
		if (!page_ref_freeze(pg, 1))
			return false;
		if (k)
			set_compound_head(pg, first);
	}
	return true;
}

static bool range_to_compound_head_first(struct page *first, unsigned int order)
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

static void owned_range_to_compound(struct page *first, unsigned int order)
{
	unsigned long k, nr = 1UL << order;

	__SetPageHead(first);
	for (k = 1; k < nr; k++)
		set_compound_head(first + k, first);
}
