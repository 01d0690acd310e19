// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the pages released in one call, unpin_user_pages(pages, n) or release_pages(pages,
 * n), with n the number asked of GUP on a path where it may have taken fewer: the call walks entries
 * a short GUP did not fill. The fragment names types and constants it does not define.
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
		goto out_unpin;
	}
	ctx->pages = pages;
	ctx->nr_pages = nr;
	return 0;

out_unpin:
	if (got > 0)
		unpin_user_pages(pages, nr); /* expect: MM007 "up to 'nr'" */
	kvfree(pages);
	return ret;
}

static int read_user_table(struct ring_ctx *ctx, unsigned long uaddr, int nr)
{
	struct page **pages = ctx->scratch;
	int got;

	got = get_user_pages_fast(uaddr, nr, 0, pages);
	if (got <= 0)
		return got ? got : -EFAULT;
	ring_copy_table(ctx, pages, got);
	release_pages(pages, nr); /* expect: MM007 "up to 'nr'" */
	return 0;
}
