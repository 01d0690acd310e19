// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the short path turns only some values of the GUP count into an error before the
 * shared release and return: where the test does not prove the count at most zero (ret == 0 only, or
 * ret < 0), a positive count of the pages just released is returned, and the caller, which gets the
 * pages held with their count from the success return, releases them again
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
		if (ret == 0)
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
	return ret; /* expect: MM007 "released" */
}

static long dma_xfer_get(struct dma_xfer *xf, unsigned long uaddr)
{
	long got, i;

	got = get_user_pages_fast(uaddr, xf->count, 0, xf->pages);
	if (got == xf->count)
		return got;
	for (i = 0; i < got; i++)
		put_page(xf->pages[i]);
	if (got < 0)
		return -EFAULT;
	return got; /* expect: MM007 "released" */
}
