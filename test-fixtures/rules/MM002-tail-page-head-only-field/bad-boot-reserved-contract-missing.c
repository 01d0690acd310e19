// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same ->lru writes where no contract rules tails out: a walker of any pfn range, and pfns rounded outside the range the contract covers
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/pfn.h>

/* any physical range: compound pages may be there */
void mark_range_reserved(phys_addr_t start, phys_addr_t end)
{
	unsigned long pfn = PFN_DOWN(start);
	unsigned long end_pfn = PFN_UP(end);

	for (; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		INIT_LIST_HEAD(&page->lru); /* expect: MM002 "lru" */
		__SetPageReserved(page);
	}
}

/* the contract covers the range handed in, not the pageblock it is rounded down to */
void reserve_bootmem_region(phys_addr_t start, phys_addr_t end)
{
	unsigned long pfn = PFN_DOWN(start) & ~(pageblock_nr_pages - 1);
	struct page *page = pfn_to_page(pfn);

	INIT_LIST_HEAD(&page->lru); /* expect: MM002 "lru" */
}
