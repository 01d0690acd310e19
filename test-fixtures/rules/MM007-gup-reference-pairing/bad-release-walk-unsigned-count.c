// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the count a GUP call returned, copied into an unsigned variable on every failure
 * (also a negative errno), bounds the release walk of the exit path: the errno wraps to a huge count
 * and the walk puts entries GUP never filled, past the array. Also an int count walked by an unsigned
 * index (the comparison converts it). The fragment names types and constants it does not define.
 */
#include <linux/mm.h>
#include <linux/slab.h>

static int xfer_map_user(struct xfer_req *req, unsigned long uaddr, unsigned long len)
{
	struct page **pages;
	unsigned long nr_pages;
	unsigned long i;
	long pinned;
	int ret = 0;

	nr_pages = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
	pages = kcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	pinned = get_user_pages_fast(uaddr & PAGE_MASK, nr_pages, FOLL_WRITE, pages);
	if (pinned != nr_pages) {
		ret = -EFAULT;
		nr_pages = pinned;
		goto err_put;
	}
	ret = xfer_build_sg(req, pages, nr_pages);
	if (ret)
		goto err_put;
	req->pages = pages;
	return 0;

err_put:
	for (i = 0; i < nr_pages; i++)
		put_page(pages[i]); /* expect: MM007 "compared unsigned" */
	kfree(pages);
	return ret;
}

static int ring_pin(struct ring *r, unsigned long uaddr, int nr)
{
	unsigned int i;
	int got;

	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, r->pages);
	if (got < nr) {
		for (i = 0; i < got; i++)
			unpin_user_page(r->pages[i]); /* expect: MM007 "negative errno" */
		return -EFAULT;
	}
	r->nr = nr;
	return 0;
}
