// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: bulk releases bounded by what GUP took: the count it returned, the number asked
 * once the count was found equal to it, or the number asked after the short branch clamped it to
 * the count taken (zero on an error), with a path that skips GUP altogether.
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int fill_user_ring(struct ring_ctx *ctx, unsigned long uaddr, unsigned int nr)
{
	struct page **pages;
	int got, ret = 0;

	pages = kvmalloc_array(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (got != nr) {
		ret = got < 0 ? got : -EFAULT;
		if (got > 0)
			unpin_user_pages(pages, got);
		kvfree(pages);
		return ret;
	}
	ret = ring_map(ctx, pages, nr);
	if (ret) {
		unpin_user_pages(pages, nr);
		kvfree(pages);
		return ret;
	}
	ctx->pages = pages;
	return 0;
}

static int read_user_table(struct ring_ctx *ctx, unsigned long uaddr, unsigned long len)
{
	unsigned long nr = 0;
	struct page **pages = NULL;
	long got;
	int ret = 0;

	if (!len)
		goto call;
	nr = DIV_ROUND_UP(len, PAGE_SIZE);
	pages = kmalloc_array(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, nr, 0, pages);
	if (got != nr) {
		if (got > 0)
			nr = got;
		else
			nr = 0;
		ret = -EAGAIN;
		goto out;
	}
call:
	ctx->pages = pages;
	ring_copy_table(ctx, len);
out:
	if (pages)
		unpin_user_pages_dirty_lock(pages, nr, true);
	kfree(pages);
	return ret;
}
