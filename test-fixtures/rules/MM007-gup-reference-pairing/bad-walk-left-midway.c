// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a batch taken by GUP into a local array, handed on entry by entry by a walk (the pfn
 * of each entry mapped, each entry stored in a table), and the walk left midway on a failure: a jump to
 * an exit that only frees the array, or a return. The entries the walk had not reached still hold
 * their pins or references. The fragment names types and constants it does not define.
 */
#include <linux/mm.h>

static int dev_map_user(struct dev_ctx *ctx, unsigned long uaddr, unsigned long iova, int nr)
{
	struct page **pages;
	int i, got, ret = 0;

	pages = kcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (got <= 0) {
		ret = got ? got : -EFAULT;
		goto out;
	}
	for (i = 0; i < got; i++) {
		unsigned long pfn = page_to_pfn(pages[i]);

		ret = dev_iommu_map(ctx, iova + i * PAGE_SIZE, pfn << PAGE_SHIFT);
		if (ret)
			goto out; /* expect: MM007 "has not reached yet" */
	}
	ctx->nr_mapped += got;
out:
	kfree(pages);
	return ret;
}

static int tbl_fill_user(struct dev_table *tbl, unsigned long uaddr, int nr)
{
	struct page **pages;
	int i, got;

	pages = kmalloc_array(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, nr, 0, pages);
	if (got <= 0) {
		kfree(pages);
		return got ? got : -EFAULT;
	}
	for (i = 0; i < got; i++) {
		if (tbl->used == tbl->size)
			return -ENOSPC; /* expect: MM007 "has not reached yet" */
		tbl->ent[tbl->used++].page = pages[i];
	}
	kfree(pages);
	return got;
}
