// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a hugetlb size compared with MAX_ORDER_NR_PAGES without sending the larger pages elsewhere, or for another hstate
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>
#include <linux/highmem.h>

void zero_hugetlb_warn(struct page *base, struct hstate *h)
{
	unsigned long i;

	if (pages_per_huge_page(h) > MAX_ORDER_NR_PAGES)
		pr_warn("gigantic page\n");
	for (i = 0; i < pages_per_huge_page(h); i++)
		clear_highpage(base + i); /* expect: MM001 "pages_per_huge_page" */
}

void zero_hugetlb_small_only(struct page *base, struct hstate *h)
{
	unsigned long i;

	if (pages_per_huge_page(h) <= MAX_ORDER_NR_PAGES)
		return;
	for (i = 0; i < pages_per_huge_page(h); i++)
		clear_highpage(base + i); /* expect: MM001 "pages_per_huge_page" */
}

void zero_hugetlb_other(struct page *base, struct hstate *h, struct hstate *src)
{
	unsigned long i;

	if (pages_per_huge_page(src) > MAX_ORDER_NR_PAGES)
		return;
	for (i = 0; i < pages_per_huge_page(h); i++)
		clear_highpage(base + i); /* expect: MM001 "pages_per_huge_page" */
}

void zero_hugetlb_reassigned(struct page *base, struct hstate *h, struct hstate *other)
{
	unsigned long i;

	if (pages_per_huge_page(h) > MAX_ORDER_NR_PAGES)
		return;
	h = other;
	for (i = 0; i < pages_per_huge_page(h); i++)
		clear_highpage(base + i); /* expect: MM001 "pages_per_huge_page" */
}
