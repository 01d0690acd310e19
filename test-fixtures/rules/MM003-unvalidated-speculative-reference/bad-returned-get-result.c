// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the result of a speculative get on the head is returned as a truth value: where it is true the caller holds the reference, taken on a head that nothing re-checked is still the page's head (a split or a free and reallocation in between)
 */
#include <linux/mm.h>

static bool pfn_try_ref_head(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	return get_page_unless_zero(head); /* expect: MM003 "handed to the caller" */
}

static int pfn_ref_head_failed(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	return !get_page_unless_zero(head); /* expect: MM003 "handed to the caller" */
}
