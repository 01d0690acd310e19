// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a contiguous range handed to a helper other files may call: its callers are not all seen, so its body is judged as given any page
 * mmlint-expect: none
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/gfp.h>

void range_link_tails(struct page *first, unsigned int order)
{
	unsigned long k, nr = 1UL << order;
	struct page *tail = first + 1;

	for (k = 1; k < nr; k++, tail++) {
		set_page_count(tail, 0);
		set_compound_head(tail, first);
	}
}

struct page *grab_linked_range(unsigned int order, int nid)
{
	struct page *first = alloc_contig_pages(1UL << order, GFP_KERNEL, nid, NULL);

	if (first)
		range_link_tails(first, order);
	return first;
}
