// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pages taken with get_user_pages() are released with unpin_user_pages()
 */
#include <linux/mm.h>

static long copy_from_user_pages(struct mm_struct *mm, unsigned long start, unsigned long nr)
{
	struct page *pages[8];
	long got;

	mmap_read_lock(mm);
	got = get_user_pages(start, nr, 0, pages);
	mmap_read_unlock(mm);
	if (got <= 0)
		return got;
	unpin_user_pages(pages, got); /* expect: MM007 "released with unpin_user_pages()" */
	return got;
}
