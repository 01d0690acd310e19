// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: jumps to exit paths that release the batch, or taken where nothing was pinned, or
 * after the pages were handed on as pfns
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/slab.h>

static int map_user_batch(struct device *dev, unsigned long uaddr, unsigned long nr)
{
	struct page **batch;
	unsigned long i;
	long got;
	int err = 0;

	batch = kmalloc_array(nr, sizeof(*batch), GFP_KERNEL);
	if (!batch)
		return -ENOMEM;

	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, batch);
	if (got < 0) {
		err = got;
		goto out;
	}
	if (got != nr) {
		unpin_user_pages(batch, got);
		err = -EFAULT;
		goto out;
	}
	for (i = 0; i < nr; i++) {
		unsigned long pfn = page_to_pfn(batch[i]);

		if (record_pfn(dev, pfn)) {
			/* the entries not recorded yet are still pinned here */
			unpin_user_pages(&batch[i], nr - i);
			goto out;
		}
	}
out:
	kfree(batch);
	return err;
}

static int copy_user_batch(unsigned long uaddr, int nr, void *dst)
{
	struct page **pages;
	int got, ret = 0;

	pages = kmalloc_array(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, nr, 0, pages);
	if (got < nr) {
		ret = -EFAULT;
		goto release;
	}
	ret = copy_from_pages(dst, pages, got);
release:
	if (got > 0)
		release_pages(pages, got);
	kfree(pages);
	return ret;
}
