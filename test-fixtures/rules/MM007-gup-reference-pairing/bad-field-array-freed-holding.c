// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the page array is held in a field of the driver's structure (region->pages,
 * umem->page_list); a short pin jumps to, or falls into, code that frees the array's memory without
 * releasing the pages it holds: their references leak (kfree() frees the array, not its entries).
 * The fragment names types and constants it does not define.
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
		goto put_pages;
	} else if (pinned != npages) {
		ret = -EFAULT;
		goto free_pages; /* expect: MM007 "leak" */
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

static int umem_pin(struct user_mem *umem, unsigned long addr, unsigned long npages)
{
	long got;

	umem->page_list = kvmalloc_array(npages, sizeof(struct page *), GFP_KERNEL);
	if (!umem->page_list)
		return -ENOMEM;
	got = pin_user_pages_fast(addr, npages, FOLL_WRITE | FOLL_LONGTERM, umem->page_list);
	if (got != npages) {
		kvfree(umem->page_list); /* expect: MM007 "leak" */
		umem->page_list = NULL;
		return got < 0 ? got : -EFAULT;
	}
	umem->npages = npages;
	return 0;
}
