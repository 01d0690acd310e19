// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a GUP walker takes a reference on every page but stores it in pages[] only when the
 * caller passed an array: mlock-style callers (pages == NULL) leak one reference per page
 */
#include <linux/mm.h>

static long walk_user_range(struct vm_area_struct *vma, unsigned long start, long nr, struct page **pages)
{
	long i = 0;

	while (i < nr) {
		struct page *page = lookup_user_page(vma, start);

		if (!page)
			break;
		get_page(page); /* expect: MM007 "dropped by nobody" */
		if (pages)
			pages[i] = page;
		start += PAGE_SIZE;
		i++;
	}
	return i;
}

static long walk_user_range_likely(struct vm_area_struct *vma, unsigned long start, long nr, struct page **pages)
{
	long i;

	for (i = 0; i < nr; i++, start += PAGE_SIZE) {
		struct page *page = lookup_user_page(vma, start);

		if (!page)
			break;
		get_page(page); /* expect: MM007 "dropped by nobody" */
		if (likely(pages != NULL)) {
			pages[i] = page;
			flush_dcache_page(page);
		}
	}
	return i;
}
