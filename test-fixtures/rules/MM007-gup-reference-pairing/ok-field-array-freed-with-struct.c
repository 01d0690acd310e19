// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the page array is held in a field of a request the function allocated, and the unwind
 * ladder frees the array's memory and the request's: every path that jumps there holding pages releases
 * them first (the short GUP's own pages, by its count), or hands the request whole to a teardown that may
 * release them, or reaches the ladder above its release walk: no leak.
 * The fragment names types and constants it does not define.
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/slab.h>

struct xfer_req {
	struct page **pages;
	unsigned int nr_pages;
	struct sg_table sgt;
};

static long xfer_start(struct xfer_dev *xd, unsigned long uaddr, size_t len)
{
	struct xfer_req *req;
	unsigned int i;
	long ret;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	req->nr_pages = DIV_ROUND_UP(len + offset_in_page(uaddr), PAGE_SIZE);
	req->pages = kcalloc(req->nr_pages, sizeof(*req->pages), GFP_KERNEL);
	if (!req->pages) {
		ret = -ENOMEM;
		goto free_req;
	}

	ret = get_user_pages_fast(uaddr, req->nr_pages, FOLL_WRITE, req->pages);
	if (ret != req->nr_pages) {
		if (ret > 0)
			release_pages(req->pages, ret);
		ret = -EFAULT;
		goto free_pages;
	}

	ret = sg_alloc_table_from_pages(&req->sgt, req->pages, req->nr_pages, offset_in_page(uaddr), len, GFP_KERNEL);
	if (ret)
		goto put_pages;

	xd->req = req;
	return 0;

put_pages:
	for (i = 0; i < req->nr_pages; i++)
		put_page(req->pages[i]);
free_pages:
	kfree(req->pages);
free_req:
	kfree(req);
	return ret;
}

static void xfer_destroy(struct xfer_req *req);

static int xfer_pin(unsigned long uaddr, unsigned int nr)
{
	struct xfer_req *req;
	int ret;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	req->pages = kvmalloc_array(nr, sizeof(*req->pages), GFP_KERNEL);
	if (!req->pages) {
		kfree(req);
		return -ENOMEM;
	}
	ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, req->pages);
	req->nr_pages = ret > 0 ? ret : 0;
	if (ret < (int)nr)
		goto out;
	return xfer_queue(req);
out:
	xfer_destroy(req);
	kvfree(req->pages);
	kfree(req);
	return ret < 0 ? ret : -EFAULT;
}
