// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a speculative get on the head whose truth is returned only after compound_head(page) == head was re-checked, or on a page that is no part of a compound lookup (the caller's page, taken as it is)
 * mmlint-expect: none
 */
#include <linux/mm.h>

static bool pfn_try_ref_head_checked(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	if (!get_page_unless_zero(head))
		return false;
	if (compound_head(page) != head) {
		put_page(head);
		return false;
	}
	return true;
}

static bool try_ref_folio_page(struct folio *folio)
{
	return get_page_unless_zero(&folio->page);
}
