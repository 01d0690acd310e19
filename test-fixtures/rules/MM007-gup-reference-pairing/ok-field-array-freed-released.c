// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page arrays held in fields of a driver's structure, released before their memory is
 * freed on every path that holds pages (the release helper named on the exit path, the structure handed
 * whole to its teardown, a failed pin that took none), or left in the structure for its owner: no leak.
 * The fragment names types and constants it does not define.
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/slab.h>

static void region_put_pages(struct page **pages, int npages)
{
	int i;

	for (i = 0; i < npages; i++)
		put_page(pages[i]);
}

static int region_pin(struct dma_region *region)
{
	int npages = region->length >> PAGE_SHIFT;
	int ret, pinned;

	region->pages = kcalloc(npages, sizeof(struct page *), GFP_KERNEL);
	if (!region->pages)
		return -ENOMEM;

	pinned = get_user_pages_fast(region->user_addr, npages, FOLL_WRITE, region->pages);
	if (pinned < 0) {
		ret = pinned;
		goto free_pages;
	} else if (pinned != npages) {
		ret = -EFAULT;
		goto put_pages;
	}
	region->npages = npages;
	return 0;

put_pages:
	region_put_pages(region->pages, pinned);
free_pages:
	kfree(region->pages);
	region->pages = NULL;
	return ret;
}

static void umem_release(struct user_mem *umem);

static int umem_pin(struct user_mem *umem, unsigned long addr, unsigned long npages)
{
	long got;

	umem->page_list = kvmalloc_array(npages, sizeof(struct page *), GFP_KERNEL);
	if (!umem->page_list)
		return -ENOMEM;
	got = pin_user_pages_fast(addr, npages, FOLL_WRITE | FOLL_LONGTERM, umem->page_list);
	if (got <= 0) {
		kvfree(umem->page_list);
		return got ? got : -EFAULT;
	}
	umem->npages = got;
	if (got != npages)
		goto err;
	return 0;
err:
	umem_release(umem);
	return -EFAULT;
}

static int umem_pin_partial(struct user_mem *umem, unsigned long addr, unsigned long npages)
{
	long got;

	got = pin_user_pages_fast(addr, npages, FOLL_WRITE, umem->page_list);
	if (got < 0)
		return got;
	if (got != npages) {
		unpin_user_pages(umem->page_list, got);
		kvfree(umem->page_list);
		umem->page_list = NULL;
		return -EFAULT;
	}
	umem->npages = npages;
	return 0;
}

static int umem_pin_kept(struct user_mem *umem, unsigned long addr, unsigned long npages)
{
	long got;

	got = pin_user_pages_fast(addr, npages, FOLL_WRITE, umem->page_list);
	if (got < 0)
		goto out;
	umem->npages = got;
	return 0;
out:
	kvfree(umem->page_list);
	return got;
}
