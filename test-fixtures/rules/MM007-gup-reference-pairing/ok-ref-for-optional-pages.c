// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a GUP walker takes the reference only where it stores the page in pages[], or keeps
 * the reference itself on the other path
 * mmlint-expect: none
 */
#include <linux/mm.h>

static long walk_user_range(struct vm_area_struct *vma, unsigned long start, long nr, struct page **pages)
{
	long i = 0;

	while (i < nr) {
		struct page *page = lookup_user_page(vma, start);

		if (!page)
			break;
		if (pages) {
			get_page(page);
			pages[i] = page;
		}
		start += PAGE_SIZE;
		i++;
	}
	return i;
}

static long walk_and_touch(struct vm_area_struct *vma, unsigned long start, long nr, struct page **pages)
{
	long i;

	for (i = 0; i < nr; i++, start += PAGE_SIZE) {
		struct page *page = lookup_user_page(vma, start);

		if (!page)
			break;
		get_page(page);
		if (pages)
			pages[i] = page;
		else
			put_page(page);
	}
	return i;
}
