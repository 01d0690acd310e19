// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page count that is the min of a hugetlb page's size and counts nothing bounds, walked with page + i
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/minmax.h>
#include <linux/hugetlb.h>
#include <linux/highmem.h>

void zero_huge_prefix(struct hstate *h, struct page *page, unsigned long want)
{
	unsigned long nr = min_t(unsigned long, pages_per_huge_page(h), want);
	unsigned long i;

	for (i = 0; i < nr; i++)
		clear_highpage(page + i); /* expect: MM001 "pages_per_huge_page" */
}

static void fill_subpages(struct page *page, int refs, struct page **pages)
{
	int nr;

	for (nr = 0; nr < refs; nr++)
		pages[nr] = page++; /* expect: MM001 "pages_per_huge_page" */
}

long collect_huge(struct hstate *h, struct page *page, unsigned long idx, unsigned long left,
		  unsigned long room, struct page **pages)
{
	int refs = min3(pages_per_huge_page(h) - idx, room, left);

	fill_subpages(nth_page(page, idx), refs, pages);
	return refs;
}
