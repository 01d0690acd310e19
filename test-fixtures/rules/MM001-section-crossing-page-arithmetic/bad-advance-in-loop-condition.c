// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the page pointer advances inside the loop condition itself, over a gigantic page
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static void clear_flags_gigantic(struct hstate *h, struct page *page)
{
	unsigned long nr = pages_per_huge_page(h);

	do {
		ClearPageReserved(page);
	} while (page++, --nr); /* expect: MM001 */
}
