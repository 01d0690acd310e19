// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same pfn walks without a contract that rules out tails, or over pfns the contract does not cover: the lookups may land on tails
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>

/* no contract: any pfn range may hold compound pages */
void release_pfn_range(unsigned long pfn, unsigned long nr_pages)
{
	for (; nr_pages--; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (put_page_testzero(page)) /* expect: MM004 "put_page_testzero" */
			free_unref_page(page, 0);
	}
}

/* the contract covers the range handed in, not the pageblock around it */
void free_contig_range(unsigned long pfn, unsigned long nr_pages)
{
	unsigned long start = pfn & ~(pageblock_nr_pages - 1);
	struct page *page = pfn_to_page(start);

	if (put_page_testzero(page)) /* expect: MM004 "put_page_testzero" */
		free_unref_page(page, 0);
}

/* a helper without the contract of __free_pages_core() */
static void give_to_buddy(struct page *page, unsigned int order)
{
	set_page_count(page, 1);
	if (put_page_testzero(page)) /* expect: MM004 "passed as pfn_to_page(pfn) to give_to_buddy()" */
		free_unref_page(page, order);
}

static void give_range(unsigned long pfn, unsigned long end)
{
	for (; pfn < end; pfn++)
		give_to_buddy(pfn_to_page(pfn), 0);
}

int give_block(unsigned long pfn, unsigned long nr)
{
	give_range(pfn, pfn + nr);
	return 0;
}
