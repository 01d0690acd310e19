// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the count a GUP call returned is stored in an unsigned variable, where a failed
 * call's negative errno is a huge number: the short-count test 'got < nr' (or 'got >= nr') lets it
 * through as if every page had been taken, and the release walk over the number asked for puts
 * entries GUP never filled. The fragment names types and constants it does not define.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

static int lut_load_user(struct lut_dev *lut, const void __user *src, u32 len)
{
	struct page *pages[LUT_MAX_PAGES];
	u32 nr, got, i;
	int err = 0;

	nr = DIV_ROUND_UP(len, PAGE_SIZE);
	got = get_user_pages_fast((unsigned long)src, nr, 0, pages);
	if (got < nr) {
		while (got)
			put_page(pages[--got]);
		return -EFAULT;
	}

	for (i = 0; i < nr; i++) {
		void *va = kmap(pages[i]);

		err = lut_write_words(lut, i, va);
		kunmap(pages[i]);
		put_page(pages[i]); /* expect: MM007 "huge count" */
	}
	return err;
}

static int ring_map_user(struct ring *r, unsigned long uaddr, unsigned int nr)
{
	unsigned int got;

	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, r->pages);
	if (got >= nr) {
		ring_fill(r, nr);
		unpin_user_pages(r->pages, nr); /* expect: MM007 */
		return 0;
	}
	return -EFAULT;
}
