// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: where get_page_unless_zero() failed the page may still be a tail (that is one reason it fails): a head-only field read there is not proven safe
 */
#include <linux/mm.h>

static bool pfn_is_anon_unreferenced(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (get_page_unless_zero(page)) { /* expect: MM003 "always fails" */
		put_page(page);
		return false;
	}
	return ((unsigned long)page->mapping & PAGE_MAPPING_ANON) != 0; /* expect: MM002 */
}
