// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: memmap initialisation of a device range writes struct pages nothing can reach yet; setting their refcount races with no one
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/memremap.h>

static void init_device_range(struct page *head, unsigned long head_pfn, unsigned long nr, unsigned long zone, int nid)
{
	unsigned long pfn;

	for (pfn = head_pfn + 1; pfn < head_pfn + nr; pfn++) {
		struct page *page = pfn_to_page(pfn);

		__init_single_page(page, pfn, zone, nid);
		prep_compound_tail(head, pfn - head_pfn);
		set_page_count(page, 0);
	}
}
