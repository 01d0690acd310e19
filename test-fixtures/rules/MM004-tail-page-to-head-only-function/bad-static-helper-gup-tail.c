// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: GUP pages handed to a static helper that walks their rmap: found at the helper's rmap_walk(),
 * where the tail goes wrong, with the caller's call site as a note; an exported helper is reported at the call
 * mmlint-kernel: 5.14
 */
#include <linux/mm.h>
#include <linux/rmap.h>

static bool walk_one(struct page *page, struct rmap_walk_control *rwc)
{
	if (!PageAnon(page))
		return false;
	rmap_walk(page, rwc); /* expect: MM004 "passed as pages[i] to walk_one() by walk_user_range()" */
	return true;
}

bool walk_one_exported(struct page *page, struct rmap_walk_control *rwc)
{
	if (!PageAnon(page))
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
		walk_one_exported(pages[i], rwc); /* expect: MM004 "walk_one_exported() requires a head page" */
		put_page(pages[i]);
	}
	return npages;
}
