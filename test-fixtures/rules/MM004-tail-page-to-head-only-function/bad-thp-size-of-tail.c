// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: thp_order() and thp_size() (5.9 on) answer for the page they are given and assert
 * it is no tail: a walk stepping by the size of a pfn_to_page() or pte_page() page goes wrong on a tail
 * mmlint-kernel: 5.15
 */
#include <linux/mm.h>

static unsigned long next_thp_pfn(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (!PageLRU(page))
		return pfn + 1;
	return pfn + (1UL << thp_order(page)); /* expect: MM004 "requires a head page" */
}

static unsigned long pte_mapped_bytes(pte_t pte)
{
	struct page *page = pte_page(pte);

	return thp_size(page); /* expect: MM004 "requires a head page" */
}
