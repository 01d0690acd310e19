// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: functions whose contract hands them no tails (a range alloc_contig_range() split to order-0, memory given to the buddy allocator for the first time) use head-only functions on the pages they look up from it
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>

void free_contig_range(unsigned long pfn, unsigned long nr_pages)
{
	unsigned long busy = 0;

	for (; nr_pages--; pfn++) {
		struct page *page = pfn_to_page(pfn);

		busy += page_count(page) != 1;
		if (put_page_testzero(page))
			free_unref_page(page, 0);
	}
	WARN(busy != 0, "%lu pages are still in use!\n", busy);
}

void __free_pages_core(struct page *page, unsigned int order)
{
	__ClearPageReserved(page);
	set_page_count(page, 1);
	if (put_page_testzero(page))
		free_unref_page(page, order);
}

static void online_range(unsigned long pfn, unsigned long end)
{
	for (; pfn < end; pfn++)
		__free_pages_core(pfn_to_page(pfn), 0);
}

int online_block(unsigned long pfn, unsigned long nr)
{
	online_range(pfn, pfn + nr);
	return 0;
}
