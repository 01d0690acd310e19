// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before 3.13 the tails of a boot-time huge page kept PG_reserved that only the head had
 * cleared: PageReserved() of a pfn's own page took such a tail for reserved memory (the KVM MMIO test of
 * fc5659c8c6b6, which then never dropped its reference)
 * mmlint-kernel: 2.6.29
 */
#include <linux/mm.h>

static int pfn_is_mmio(unsigned long pfn)
{
	if (pfn_valid(pfn))
		return PageReserved(pfn_to_page(pfn)); /* expect: MM002 "PageReserved()" */
	return 1;
}

static void put_pfn(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (!PageReserved(page)) /* expect: MM002 */
		put_page(page);
}
