// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: since 6.18 folios never cross memory sections, so page + i inside a folio is fine
 * mmlint-kernel: 6.18
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>
#include <linux/highmem.h>

static void clear_gigantic_page(struct page *page, unsigned long addr,
				struct hstate *h)
{
	int i;
	unsigned int pages_per_huge = pages_per_huge_page(h);

	for (i = 0; i < pages_per_huge; i++)
		clear_user_highpage(page + i, addr + i * PAGE_SIZE);
}
