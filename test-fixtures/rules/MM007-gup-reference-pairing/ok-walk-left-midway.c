// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: batches handed on entry by entry by a walk that either runs to its end, or releases
 * the entries it has not reached (unpin_user_pages(&pages[i], got - i), release_pages(pages + i, got - i))
 * before it leaves on a failure; and a jump out of the walk to an exit that releases the batch itself.
 * The fragment names types and constants it does not define.
 * mmlint-expect: none
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
		if (ret) {
			unpin_user_pages(&pages[i], got - i);
			goto out;
		}
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
		if (tbl->used == tbl->size) {
			release_pages(pages + i, got - i);
			kfree(pages);
			return -ENOSPC;
		}
		tbl->ent[tbl->used++].page = pages[i];
	}
	kfree(pages);
	return got;
}

static int tbl_fill_all(struct dev_table *tbl, unsigned long uaddr, int nr)
{
	struct page **pages;
	int i, got, ret = 0;

	pages = kmalloc_array(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, nr, 0, pages);
	if (got <= 0) {
		kfree(pages);
		return got ? got : -EFAULT;
	}
	for (i = 0; i < got; i++) {
		ret = tbl_check(tbl, page_to_pfn(pages[i]));
		if (ret)
			goto put_all;
	}
	for (i = 0; i < got; i++)
		tbl->ent[tbl->used++].page = pages[i];
	kfree(pages);
	return got;

put_all:
	release_pages(pages, got);
	kfree(pages);
	return ret;
}
