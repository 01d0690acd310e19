// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the fix of fc5659c8c6b6: PageReserved() of the compound head, whose flag the boot-time
 * huge page setup cleared; and of a page whose PageTail() test failed
 * mmlint-kernel: 2.6.29
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int pfn_is_mmio(unsigned long pfn)
{
	if (pfn_valid(pfn)) {
		struct page *page = compound_head(pfn_to_page(pfn));
		return PageReserved(page);
	}
	return 1;
}

static void put_pfn(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageTail(page))
		return;
	if (!PageReserved(page))
		put_page(page);
}
