// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: marking the memblock-reserved range at boot, before any compound page exists, writes ->lru of every page it looks up from the range it is handed (converted to pfns)
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pfn.h>

void reserve_bootmem_region(phys_addr_t start, phys_addr_t end)
{
	unsigned long start_pfn = PFN_DOWN(start);
	unsigned long end_pfn = PFN_UP(end);

	for (; start_pfn < end_pfn; start_pfn++) {
		if (pfn_valid(start_pfn)) {
			struct page *page = pfn_to_page(start_pfn);

			INIT_LIST_HEAD(&page->lru);
			__SetPageReserved(page);
		}
	}
}
