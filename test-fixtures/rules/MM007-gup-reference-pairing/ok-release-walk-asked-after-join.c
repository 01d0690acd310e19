// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same joins as bad-release-walk-asked-after-join.c, but the short-count branch
 * sets the walk's bound to the number of pages GUP took (zero where it failed) before the jump, so
 * every path that reaches the walk releases only pages it holds.
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int dev_user_xfer(struct dev_req *req, unsigned long uaddr, size_t len)
{
	unsigned long npages = 0;
	struct page **pages = NULL;
	long got;
	int i, err;

	if (uaddr) {
		npages = DIV_ROUND_UP(offset_in_page(uaddr) + len, PAGE_SIZE);
		pages = kmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
		if (!pages)
			return -ENOMEM;
		got = get_user_pages_fast(uaddr & PAGE_MASK, npages, FOLL_WRITE, pages);
		if (got != npages) {
			if (got < 0)
				npages = 0;
			else
				npages = got;
			err = -EFAULT;
			goto out_put;
		}
		req->pages = pages;
	}
	err = dev_queue(req);
	if (!err)
		return 0;
out_put:
	if (!req->pages) {
		for (i = 0; i < npages; i++)
			put_page(pages[i]);
		kfree(pages);
	}
	return err;
}
