// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page counts that are the min (or clamp) of a possibly gigantic size and a buddy-bounded one stay in one block
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/minmax.h>
#include <linux/hugetlb.h>
#include <linux/highmem.h>

void zero_huge_chunk(struct hstate *h, struct page *page)
{
	unsigned long nr = min_t(unsigned long, pages_per_huge_page(h), MAX_ORDER_NR_PAGES);
	unsigned long i;

	for (i = 0; i < nr; i++)
		clear_highpage(page + i);
}

void zero_block_prefix(struct page *page, unsigned int order, unsigned long want)
{
	unsigned long nr = min(1UL << order, want);
	unsigned long i;

	for (i = 0; i < nr; i++)
		clear_highpage(page + i);
}

static void fill_subpages(struct page *page, int refs, struct page **pages)
{
	int nr;

	for (nr = 0; nr < refs; nr++)
		pages[nr] = page++;
}

long collect_block(struct hstate *h, struct page *page, unsigned long left, struct page **pages)
{
	int refs = clamp_t(unsigned long, left, 1, pageblock_nr_pages);

	fill_subpages(page, refs, pages);
	return refs;
}
