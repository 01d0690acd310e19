// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: release walks bounded by a GUP count that cannot be a negative errno there, or that
 * a signed comparison keeps negative: the unsigned count is assigned only on the short arm, the error
 * arm resets it to zero, or the walk's index and count are signed (a negative count walks nothing).
 * The fragment names types and constants it does not define.
 * mmlint-expect: none
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
		if (pinned < 0) {
			nr_pages = 0;
		} else {
			nr_pages = pinned;
		}
		ret = -EFAULT;
		goto err_put;
	}
	ret = xfer_build_sg(req, pages, nr_pages);
	if (ret)
		goto err_put;
	req->pages = pages;
	return 0;

err_put:
	for (i = 0; i < nr_pages; i++)
		put_page(pages[i]);
	kfree(pages);
	return ret;
}

static int ring_pin(struct ring *r, unsigned long uaddr, int nr)
{
	int i;
	int got;

	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, r->pages);
	if (got < nr) {
		for (i = 0; i < got; i++)
			unpin_user_page(r->pages[i]);
		return -EFAULT;
	}
	r->nr = nr;
	return 0;
}

static int ring_pin_checked(struct ring *r, unsigned long uaddr, int nr)
{
	unsigned int i;
	int got;

	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, r->pages);
	if (got < 0)
		return got;
	if (got < nr) {
		for (i = 0; i < got; i++)
			unpin_user_page(r->pages[i]);
		return -EFAULT;
	}
	r->nr = nr;
	return 0;
}
