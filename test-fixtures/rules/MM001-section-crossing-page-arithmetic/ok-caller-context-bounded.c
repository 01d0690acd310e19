// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: static helpers whose every caller passes a buddy-bounded count or a page of a buddy block
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/highmem.h>

static void wipe_range(struct page *first, unsigned long count)
{
	unsigned long n;

	for (n = 0; n < count; n++)
		clear_highpage(first + n);
}

static void wipe_block(struct page *block)
{
	unsigned long n;

	for (n = 0; n < compound_nr(block); n++)
		clear_highpage(block + n);
}

void wipe_order(struct page *head, unsigned int order)
{
	wipe_range(head, 1UL << order);
}

void wipe_pmd_thp(struct page *head)
{
	wipe_range(head, HPAGE_PMD_NR);
}

struct page *alloc_wiped(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp | __GFP_COMP, order);

	if (page)
		wipe_block(page);
	return page;
}
