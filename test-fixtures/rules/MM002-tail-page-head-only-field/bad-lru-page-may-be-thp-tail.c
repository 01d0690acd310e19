// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: PageLRU() tests the flag of the compound head, and a THP is on the LRU: a pfn walker's page that tested PageLRU() may still be a THP tail unless something said it lies in no THP
 */
#include <linux/mm.h>

/* the LRU test alone: a tail of a THP on the LRU passes it */
static bool pfn_lru_anon(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (!PageLRU(page))
		return false;
	return ((unsigned long)page->mapping & PAGE_MAPPING_ANON) != 0; /* expect: MM002 */
}

/* hugetlb pages rejected: a THP tail still passes both tests */
static pgoff_t pfn_lru_index(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageHuge(page))
		return 0;
	if (PageLRU(page))
		return page->index; /* expect: MM002 */
	return 0;
}
