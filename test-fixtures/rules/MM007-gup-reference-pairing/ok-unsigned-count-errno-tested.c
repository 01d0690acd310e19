// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: GUP counts that an errno cannot pass as a full count: a signed count tested
 * below the number asked for, an unsigned one tested unequal to it (an errno is not equal), or
 * one cast back to int and tested negative first; an unsigned count below the number asked for
 * is between zero and it, so its release walk is bounded. The fragment names types and constants
 * it does not define.
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/highmem.h>

static int lut_load_user(struct lut_dev *lut, const void __user *src, u32 len)
{
	struct page *pages[LUT_MAX_PAGES];
	int nr, got, i;
	int err = 0;

	nr = DIV_ROUND_UP(len, PAGE_SIZE);
	got = get_user_pages_fast((unsigned long)src, nr, 0, pages);
	if (got < nr) {
		for (i = 0; i < got; i++)
			put_page(pages[i]);
		return -EFAULT;
	}

	for (i = 0; i < nr; i++) {
		void *va = kmap(pages[i]);

		err = lut_write_words(lut, i, va);
		kunmap(pages[i]);
		put_page(pages[i]);
	}
	return err;
}

static int lut_load_user_ne(struct lut_dev *lut, const void __user *src, u32 len)
{
	struct page *pages[LUT_MAX_PAGES];
	u32 nr, got, i;
	int err = 0;

	nr = DIV_ROUND_UP(len, PAGE_SIZE);
	got = get_user_pages_fast((unsigned long)src, nr, 0, pages);
	if (got != nr) {
		if ((int)got > 0)
			release_pages(pages, got);
		return -EFAULT;
	}

	for (i = 0; i < nr; i++) {
		err = lut_write_page(lut, i, pages[i]);
		put_page(pages[i]);
	}
	return err;
}

static int ring_map_user(struct ring *r, unsigned long uaddr, unsigned int nr)
{
	unsigned int got, i;

	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, r->pages);
	if ((int)got < 0)
		return (int)got;
	if (got >= nr) {
		ring_fill(r, nr);
		unpin_user_pages(r->pages, nr);
		return 0;
	}
	for (i = 0; i < got; i++)
		unpin_user_page(r->pages[i]);
	return -EFAULT;
}
