// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a contiguous range is turned into a compound page: its to-be tails are frozen one by one, the head is made a compound head while its refcount is still live
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/page_ref.h>

static bool range_to_compound(struct page *first, unsigned int order)
{
	unsigned long k, nr = 1UL << order;
	struct page *tail;

	__SetPageHead(first); /* expect: MM006 "compound head while its refcount is live" */
	for (k = 1; k < nr; k++) {
		tail = first + k;
		if (!page_ref_freeze(tail, 1))
			return false;
		set_compound_head(tail, first);
	}
	return true;
}
