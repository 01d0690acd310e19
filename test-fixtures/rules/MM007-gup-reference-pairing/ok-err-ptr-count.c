// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: ERR_PTR() of a GUP count only where it is negative, or after the count was replaced
 * by an error: no finding.
 * mmlint-expect: none
 */
#include <linux/mm.h>

static struct xfer_buf *map_user_buffer_checked(unsigned long uaddr, int nr)
{
	struct xfer_buf *buf;
	struct page **pages;
	int ret, i;

	buf = xfer_buf_alloc(nr);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	pages = buf->pages;
	ret = get_user_pages_fast(uaddr, nr, 0, pages);
	if (ret < 0) {
		xfer_buf_free(buf);
		return ERR_PTR(ret);
	}
	if (ret < nr) {
		for (i = 0; i < ret; i++)
			put_page(pages[i]);
		ret = -EFAULT;
		goto out_free;
	}
	return buf;

out_free:
	xfer_buf_free(buf);
	return ERR_PTR(ret);
}
