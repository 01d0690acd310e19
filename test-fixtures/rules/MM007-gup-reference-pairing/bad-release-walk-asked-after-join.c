// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a release walk up to the number of pages asked of GUP, reached from a short-count
 * branch through a join with paths that did not call GUP, that reset the asked count where GUP failed
 * outright, or that handed the array over once GUP took them all: the short path still releases
 * entries GUP never filled. The fragment names types and constants it does not define.
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
			put_page(pages[i]); /* expect: MM007 "up to 'npages'" */
		kfree(pages);
	}
	return err;
}
