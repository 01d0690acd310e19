// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pages released up to the number asked of GUP, not the number it took: a short
 * GUP (fewer pages, no error) leaves the rest of pages[] without references, and the walk drops
 * references nobody took. The fragment names types and constants it does not define.
 */
#include <linux/mm.h>

static int read_user_buffer(struct xfer_ctl *ctl, unsigned long uaddr, int nr)
{
	struct page **pages;
	int ret, i;

	pages = kcalloc(nr, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret < 0)
		goto out;
	ret = xfer_account(ctl, ret, XFER_DEFAULT_FLAGS);
	for (i = 0; i < nr; i++)
		put_page(pages[i]); /* expect: MM007 "up to 'nr'" */
out:
	kfree(pages);
	return ret;
}

static void unpin_walk_down(struct xfer_ctl *ctl, unsigned long uaddr, unsigned long npages)
{
	struct page **pages = ctl->page_vec;
	struct page *page;
	long ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_LONGTERM, pages);
	if (ret <= 0)
		return;
	ctl->mapped = ret;
	for (; npages; npages--) {
		page = pages[npages - 1];
		unpin_user_page(page); /* expect: MM007 "up to 'npages'" */
	}
}
