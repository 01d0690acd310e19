// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a pfn walk skips the pages it cannot get (Linux 6.1 mm/migrate_device.c migrate_device_range()): on a tail the get fails and the walk goes on to the next pfn, which is what it wants
 * mmlint-expect: none
 */
#include <linux/mm.h>

void migrate_device_unmap(unsigned long *src_pfns, unsigned long npages, struct page *fault_page);

int migrate_device_range(unsigned long *src_pfns, unsigned long start,
			unsigned long npages)
{
	unsigned long i, pfn;

	for (pfn = start, i = 0; i < npages; pfn++, i++) {
		struct page *page = pfn_to_page(pfn);

		if (!get_page_unless_zero(page)) {
			src_pfns[i] = 0;
			continue;
		}

		if (!trylock_page(page)) {
			src_pfns[i] = 0;
			put_page(page);
			continue;
		}

		src_pfns[i] = migrate_pfn(pfn) | MIGRATE_PFN_MIGRATE;
	}

	migrate_device_unmap(src_pfns, npages, NULL);

	return 0;
}
