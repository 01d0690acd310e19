// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page++ over every page of a gigantic page, counting down pages_per_huge_page()
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static void destroy_gigantic_range(struct hstate *h, struct page *page)
{
	unsigned long nr = pages_per_huge_page(h);

	while (nr--) {
		ClearPageReserved(page);
		set_page_count(page, 0);
		page++; /* expect: MM001 */
	}
}
