// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: ->mapping compared with the same word of another page is no keyhole: two tails' words hold the same compound metadata or TAIL_MAPPING, so tails pass the test
 */
#include <linux/mm.h>

static bool same_owner(unsigned long pfn, struct page *other)
{
	struct page *page = pfn_to_page(pfn);

	return page->mapping == other->mapping; /* expect: MM002 */
}

static bool same_owner_as_next(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return page->mapping == page[1].mapping; /* expect: MM002 */
}
