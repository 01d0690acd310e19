// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a GUP count handed as the count of a release whose count is unsigned (a helper that
 * walks up to an unsigned long or u64 count, unpin_user_pages()) on a path where the count may still
 * be a negative errno (the short branch `got < nr` that a failed call takes too): the conversion makes
 * it huge and the walk puts entries GUP never filled. The fragment names types and constants it does
 * not define.
 */
#include <linux/mm.h>

void unpin_user_pages(struct page **pages, unsigned long npages);

static void buf_put_pages(struct page **pages, u64 nr, bool dirty)
{
	u64 i;

	for (i = 0; i < nr; i++) {
		if (dirty)
			buf_mark_dirty(pages[i]);
		put_page(pages[i]);
	}
}

static int buf_map_user(struct user_buf *buf, unsigned long uaddr, int nr)
{
	int got;

	got = get_user_pages_fast(uaddr, nr, FOLL_WRITE, buf->pages);
	if (got < nr) {
		buf_put_pages(buf->pages, got, false); /* expect: MM007 "negative errno" */
		return -EFAULT;
	}
	buf->nr_pages = nr;
	return 0;
}

static int ring_pin_user(struct ring_ctx *ctx, unsigned long uaddr, unsigned long nr)
{
	struct page **pages = ctx->pages;
	long pinned;

	pinned = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned != nr) {
		unpin_user_pages(pages, pinned); /* expect: MM007 "unsigned count 'npages'" */
		return -EFAULT;
	}
	ctx->nr_pages = nr;
	return 0;
}
