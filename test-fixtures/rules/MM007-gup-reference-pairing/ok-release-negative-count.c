// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: GUP counts released only where they cannot be an errno (tested > 0, tested not
 * negative first, or found equal to the number asked for), and a helper whose count is a signed int,
 * whose walk does nothing for a negative count. The fragment names types and constants it does not
 * define.
 * mmlint-expect: none
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

static void buf_drop_pages(struct page **pages, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		put_page(pages[i]);
}

static int buf_map_user(struct user_buf *buf, unsigned long uaddr, int nr)
{
	int got;

	got = get_user_pages_fast(uaddr, nr, FOLL_WRITE, buf->pages);
	if (got < nr) {
		if (got > 0)
			buf_put_pages(buf->pages, got, false);
		return -EFAULT;
	}
	buf->nr_pages = nr;
	return 0;
}

static int buf_map_user_signed(struct user_buf *buf, unsigned long uaddr, int nr)
{
	int got;

	got = get_user_pages_fast(uaddr, nr, FOLL_WRITE, buf->pages);
	if (got < nr) {
		buf_drop_pages(buf->pages, got);
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
	if (pinned < 0)
		return pinned;
	if (pinned != nr) {
		unpin_user_pages(pages, pinned);
		return -EFAULT;
	}
	ctx->nr_pages = nr;
	return 0;
}

static int ring_pin_all(struct ring_ctx *ctx, unsigned long uaddr, unsigned long nr)
{
	struct page **pages = ctx->pages;
	long pinned;

	pinned = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned == nr) {
		ctx->nr_pages = nr;
		return 0;
	}
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	unpin_user_pages(pages, pinned);
	return -EFAULT;
}
