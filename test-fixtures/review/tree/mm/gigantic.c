// SPDX-License-Identifier: GPL-2.0
/*
 * mm/gigantic.c - mmlint review fixture: tearing down gigantic pages
 */
#include <linux/mm.h>

static void destroy_gigantic_range(struct hstate *h, struct page *page)
{
	unsigned long i, nr = pages_per_huge_page(h);

	for (i = 0; i < nr; i++) {
		struct page *p = nth_page(page, i);

		ClearPageReserved(p);
		set_page_count(p, 0);
	}
}

void free_gigantic(struct hstate *h, struct page *page)
{
	destroy_gigantic_range(h, page);
}
