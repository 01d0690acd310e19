// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a short GUP count returned after the pages it counts were released, by a function whose other return hands the pages to the caller held: the caller takes the count for references it holds and releases them a second time
 */
#include <linux/mm.h>
#include <linux/slab.h>

struct user_buf {
	struct page **pages;
	int nr;
};

/* returns how many pages it took and left in ub->pages, or an error */
static int user_buf_get(struct user_buf *ub, unsigned long uaddr, int nr_pages)
{
	struct page **pages;
	int got, i;

	pages = kcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, nr_pages, FOLL_WRITE, pages);
	if (got < nr_pages)
		goto release;
	ub->pages = pages;
	ub->nr = got;
	return got;

release:
	for (i = 0; i < got; i++)
		put_page(pages[i]);
	kfree(pages);
	return got; /* expect: MM007 "released" */
}

/* the pinned array, or the count wrapped as an error pointer: a positive count is no error */
static struct page **user_buf_pin(unsigned long uaddr, int nr_pages, int *nr)
{
	struct page **pages = kvmalloc_array(nr_pages, sizeof(*pages), GFP_KERNEL);
	int ret;

	if (!pages)
		return ERR_PTR(-ENOMEM);
	ret = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE, pages);
	if (ret != nr_pages) {
		if (ret > 0)
			unpin_user_pages(pages, ret);
		kvfree(pages);
		return ERR_PTR(ret); /* expect: MM007 "released" */
	}
	*nr = ret;
	return pages;
}

/* a count only known not to be negative may be zero or more: after the release it is stale all the same */
static int user_buf_get_exact(struct user_buf *ub, unsigned long uaddr, int nr_pages, struct page **pages)
{
	int got;

	got = get_user_pages_fast(uaddr, nr_pages, 0, pages);
	if (got >= 0 && got != nr_pages) {
		release_pages(pages, got);
		return got; /* expect: MM007 "released" */
	}
	if (got < 0)
		return got;
	ub->pages = pages;
	ub->nr = got;
	return got;
}
