/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/hugetlb_walk.h - mmlint review fixture: an inline helper over a hugetlb page's subpages
 */
#ifndef _LINUX_HUGETLB_WALK_H
#define _LINUX_HUGETLB_WALK_H

#include <linux/mm.h>

static inline void hugetlb_clear_reserved(struct hstate *h, struct page *page)
{
	unsigned long i, nr = pages_per_huge_page(h);

	for (i = 0; i < nr; i++)
		ClearPageReserved(nth_page(page, i));
}

#endif /* _LINUX_HUGETLB_WALK_H */
