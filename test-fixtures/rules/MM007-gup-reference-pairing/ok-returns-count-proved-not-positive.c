// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the GUP count is kept for the release and the returned variable turned into an error
 * where it was positive: on the short path it returns only what a branch proved at most zero (an errno,
 * or 0 where nothing was taken), never a count of the pages it released, so no caller takes it for
 * references it holds
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/slab.h>

struct dma_xfer {
	struct page **pages;
	unsigned int count;
};

static int dma_xfer_map(struct dma_xfer *xf, unsigned long uaddr)
{
	int ret, nr_pinned;

	ret = pin_user_pages_fast(uaddr, xf->count, FOLL_WRITE, xf->pages);
	if (ret != xf->count) {
		nr_pinned = ret;
		if (ret > 0)
			ret = -EFAULT;
		goto unpin;
	}
	nr_pinned = xf->count;
	ret = dma_xfer_setup(xf);
	if (ret)
		goto unpin;
	return xf->count;

unpin:
	if (nr_pinned > 0)
		unpin_user_pages(xf->pages, nr_pinned);
	return ret;
}

static long dma_xfer_get(struct dma_xfer *xf, unsigned long uaddr)
{
	long got, i;

	got = get_user_pages_fast(uaddr, xf->count, 0, xf->pages);
	if (got == xf->count)
		return got;
	for (i = 0; i < got; i++)
		put_page(xf->pages[i]);
	if (got >= 0)
		return -EFAULT;
	return got;
}
