// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pages released up to the number GUP took (its count, or the number asked for once
 * a short count was handled): no finding.
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int walk_taken(struct xfer_ctl *ctl, unsigned long uaddr, int nr)
{
	struct page **pages;
	int ret, i;

	pages = kcalloc(nr, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret < 0)
		goto out;
	for (i = 0; i < ret; i++)
		put_page(pages[i]);
out:
	kfree(pages);
	return ret;
}

static int walk_after_short_handled(unsigned long uaddr, int nr)
{
	struct page **pages;
	int ret, i;

	pages = kcalloc(nr, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret < 0)
		goto out;
	if (ret != nr) {
		nr = ret;
		ret = -EFAULT;
		goto release;
	}
	ret = xfer_fill(pages, nr);
release:
	for (i = 0; i < nr; i++)
		put_page(pages[i]);
out:
	kfree(pages);
	return ret;
}

static void unpin_walk_down_full(struct xfer_ctl *ctl, unsigned long uaddr, unsigned long npages)
{
	struct page **pages = ctl->page_vec;
	struct page *page;
	long ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_LONGTERM, pages);
	if (ret < (long)npages) {
		if (ret > 0)
			unpin_user_pages(pages, ret);
		return;
	}
	for (; npages; npages--) {
		page = pages[npages - 1];
		unpin_user_page(page);
	}
}
