// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: GUP pages handed to a static helper that skips tail pages before it walks their rmap
 * mmlint-kernel: 5.14
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/rmap.h>

static bool walk_one(struct page *page, struct rmap_walk_control *rwc)
{
	if (!PageAnon(page) || PageTail(page))
		return false;
	rmap_walk(page, rwc);
	return true;
}

long walk_user_range(struct mm_struct *mm, unsigned long start, long npages, struct page **pages,
		     struct rmap_walk_control *rwc)
{
	long i;

	npages = get_user_pages_remote(mm, start, npages, FOLL_GET | FOLL_SPLIT_PMD, pages, NULL, NULL);
	for (i = 0; i < npages; i++) {
		walk_one(pages[i], rwc);
		put_page(pages[i]);
	}
	return npages;
}
