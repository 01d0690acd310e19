// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a hugetlb size checked against MAX_ORDER_NR_PAGES, the larger pages sent elsewhere: page + i below it stays in one block
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>
#include <linux/highmem.h>

static void zero_gigantic(struct page *base, struct hstate *h)
{
	unsigned long i;

	for (i = 0; i < pages_per_huge_page(h); i++)
		clear_highpage(nth_page(base, i));
}

void zero_hugetlb(struct page *base, struct hstate *h)
{
	unsigned long i;

	if (pages_per_huge_page(h) > MAX_ORDER_NR_PAGES) {
		zero_gigantic(base, h);
		return;
	}
	for (i = 0; i < pages_per_huge_page(h); i++)
		clear_highpage(base + i);
}

void zero_hugetlb_below(struct page *base, struct hstate *h)
{
	unsigned long i;

	if (MAX_ORDER_NR_PAGES < pages_per_huge_page(h))
		return zero_gigantic(base, h);
	for (i = 0; i < pages_per_huge_page(h); i++)
		clear_highpage(base + i);
}
