// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: GUP implementations that return the count taken, or an error only where nothing is held
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>

/* the post-fix shape of 7a36a752d006: the count when there is one */
int get_user_pages_fast_only(unsigned long start, int nr_pages, unsigned int gup_flags, struct page **pages)
{
	int i;

	for (i = 0; i < nr_pages; i++) {
		struct page *page = lookup_user_page(start + i * PAGE_SIZE, gup_flags);

		if (IS_ERR_OR_NULL(page))
			return i ? i : -EFAULT;
		get_page(page);
		pages[i] = page;
	}
	return i;
}

/* the error only where the index says nothing was stored */
long pin_user_pages_unlocked(unsigned long start, unsigned long nr_pages, struct page **pages, unsigned int gup_flags)
{
	long i = 0;

	while (i < nr_pages) {
		struct page *page = lookup_user_page(start, gup_flags);

		if (!page)
			break;
		pages[i++] = page;
		start += PAGE_SIZE;
	}
	if (i == 0)
		return -EFAULT;
	return i;
}

/* what was stored is released before the error */
long pin_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags, struct page **pages)
{
	int i, j;

	for (i = 0; i < nr_pages; i++) {
		struct page *page = lookup_user_page(start + i * PAGE_SIZE, gup_flags);

		if (!page) {
			for (j = 0; j < i; j++)
				unpin_user_page(pages[j]);
			return -EFAULT;
		}
		pages[i] = page;
	}
	return i;
}

/* a function the model does not know as GUP keeps its own conventions */
static int fill_batch(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		if (!pages[i])
			return -ENOMEM;
	}
	return 0;
}
