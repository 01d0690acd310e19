// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page that lies in no THP (its head is no THP head, or it lies in a hugetlb folio, or its THP was split) and tests PageLRU() is an order-0 page: hugetlb, slab and other compound pages are never on the LRU
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

/* the head taken of the page is no THP head: the page is in no THP, and on the LRU it is order-0 */
static struct address_space *pfn_small_lru_mapping(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	if (PageTransHuge(head))
		return NULL;
	if (!PageLRU(page))
		return NULL;
	return page->mapping;
}

/* THPs are split first; hugetlb pages pass through, and the LRU test rejects them */
static int pfn_lru_truncated(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	if (!PageHuge(page) && PageTransHuge(head)) {
		lock_page(page);
		if (split_huge_page(page)) {
			unlock_page(page);
			return -EBUSY;
		}
		unlock_page(page);
	}
	if (PageLRU(page) && !PageSwapCache(page) && page->mapping == NULL)
		return -EBUSY;
	return 0;
}
