// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a short pin jumps to an exit path that only frees the page array: the pins of the
 * batch leak through the goto (kfree() frees the array, not the pins its entries hold)
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
	if (got != nr) {
		err = got < 0 ? got : -EFAULT;
		goto out; /* expect: MM007 "leak on this return path" */
	}
	for (i = 0; i < nr; i++)
		record_pfn(dev, page_to_pfn(batch[i]));
out:
	kfree(batch);
	return err;
}

static int copy_user_batch(unsigned long uaddr, int nr, void *dst)
{
	struct page **pages;
	int got, ret = 0;

	pages = (struct page **)__get_free_page(GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, nr, 0, pages);
	if (got < nr)
		goto free; /* expect: MM007 "leak on this return path" */
	ret = copy_from_pages(dst, pages, got);
	release_pages(pages, got);
free:
	free_page((unsigned long)pages);
	return ret;
}

static int pin_user_window(unsigned long uaddr, int nr, struct window *w)
{
	struct page **pages;
	int got;

	pages = kvmalloc_array(nr, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (got <= 0)
		goto out_free;
	if (got != nr) {
		goto out_free; /* expect: MM007 "leak on this return path" */
	}
	window_attach(w, pages, nr);
	return 0;
out_free:
	kvfree(pages);
	return got < 0 ? got : -EFAULT;
}
