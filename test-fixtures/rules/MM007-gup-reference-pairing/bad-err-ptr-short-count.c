// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: ERR_PTR() of a GUP count on a path where the count may be zero or positive (a short
 * GUP): the caller's IS_ERR() is false and it uses the freed object as a valid one. Where the same
 * return hands the caller a count of released pages, that finding says it.
 */
#include <linux/mm.h>

static struct xfer_buf *map_user_buffer(unsigned long uaddr, int nr)
{
	struct xfer_buf *buf;
	struct page **pages;
	int ret, i;

	buf = xfer_buf_alloc(nr);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	pages = buf->pages;
	ret = get_user_pages_fast(uaddr, nr, 0, pages);
	if (ret < nr)
		goto out_release;
	return buf;

out_release:
	for (i = 0; i < ret; i++)
		put_page(pages[i]);
	xfer_buf_free(buf);
	return ERR_PTR(ret); /* expect: MM007 "after they were released" */
}

static struct xfer_buf *map_user_buffer_local(unsigned long uaddr, int nr)
{
	struct xfer_buf *buf;
	struct page *pages[16];
	int ret, i;

	buf = xfer_buf_alloc(nr);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	ret = get_user_pages_fast(uaddr, nr, 0, pages);
	if (ret < nr)
		goto out_release;
	xfer_buf_add_pages(buf, pages, nr);
	return buf;

out_release:
	for (i = 0; i < ret; i++)
		put_page(pages[i]);
	xfer_buf_free(buf);
	return ERR_PTR(ret); /* expect: MM007 "may be zero or positive" */
}
