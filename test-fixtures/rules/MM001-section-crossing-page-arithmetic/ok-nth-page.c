// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same gigantic clear loop written with nth_page() and folio_page()
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

	for (i = 0; i < pages_per_huge; i++) {
		cond_resched();
		clear_user_highpage(nth_page(page, i), addr + i * PAGE_SIZE);
	}
}

static void clear_gigantic_folio(struct folio *folio, unsigned long addr)
{
	long i, nr = folio_nr_pages(folio);

	for (i = 0; i < nr; i++)
		clear_user_highpage(folio_page(folio, i), addr + i * PAGE_SIZE);
}
