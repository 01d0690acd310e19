// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a helper the model does not know, defined in the unit, returns pfn_to_page() of a pfn it was handed: a pfn may land on any tail of the memmap in every kernel, so its callers' head-only reads are judged on that (4.4 as later)
 * mmlint-kernel: 4.4
 */
#include <linux/mm.h>

static struct page *frame_page(unsigned long pfn)
{
	if (!pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

static pgoff_t frame_index(unsigned long pfn)
{
	struct page *page = frame_page(pfn);

	return page ? page->index : 0; /* expect: MM002 */
}
