// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a GUP implementation returns an error, which tells its caller no page was taken, after it stored referenced pages
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>

int get_user_pages_fast_only(unsigned long start, int nr_pages, unsigned int gup_flags, struct page **pages)
{
	int i;

	for (i = 0; i < nr_pages; i++) {
		struct page *page = lookup_user_page(start + i * PAGE_SIZE, gup_flags);

		if (IS_ERR_OR_NULL(page))
			return -EFAULT; /* expect: MM007 "no pages taken" */
		get_page(page);
		pages[i] = page;
	}
	return i;
}

long pin_user_pages_unlocked(unsigned long start, unsigned long nr_pages, struct page **pages, unsigned int gup_flags)
{
	long i = 0;

	while (i < nr_pages) {
		struct page *page = lookup_user_page(start, gup_flags);

		if (!page)
			break;
		if (fatal_signal_pending(current))
			return -EINTR; /* expect: MM007 "with their pins" */
		pages[i++] = page;
		start += PAGE_SIZE;
	}
	return i;
}
