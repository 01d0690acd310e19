// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: counts returned where no released reference goes to the caller: an error after the release, a count that may be zero and held nothing, and pages processed and released on every path (the count says how many were done, not what is held)
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/slab.h>

struct user_buf {
	struct page **pages;
	int nr;
};

static int user_buf_get(struct user_buf *ub, unsigned long uaddr, int nr_pages)
{
	struct page **pages;
	int got, i;

	pages = kcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, nr_pages, FOLL_WRITE, pages);
	if (got < nr_pages) {
		for (i = 0; i < got; i++)
			put_page(pages[i]);
		kfree(pages);
		got = -EFAULT;
		return got;
	}
	ub->pages = pages;
	ub->nr = got;
	return got;
}

static int flush_user_pages(unsigned long uaddr, int nr_pages, struct page **pages)
{
	int got, i;

	got = get_user_pages_fast(uaddr, nr_pages, 0, pages);
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++) {
		flush_dcache_page(pages[i]);
		put_page(pages[i]);
	}
	return got;
}
