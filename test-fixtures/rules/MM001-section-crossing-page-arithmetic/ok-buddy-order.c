// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: arithmetic bounded by a buddy order or HPAGE_PMD_NR stays inside one MAX_ORDER block
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

static void prep_tail_pages(struct page *head, unsigned int order)
{
	int i;

	for (i = 1; i < (1 << order); i++) {
		struct page *p = head + i;

		set_page_count(p, 0);
	}
}

static void clear_pmd_thp(struct page *page)
{
	int i;

	for (i = 0; i < HPAGE_PMD_NR; i++)
		clear_highpage(page + i);
}
