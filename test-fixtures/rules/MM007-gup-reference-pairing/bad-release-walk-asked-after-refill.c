// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a kcalloc()ed page array, released in a rollback that leaves the pointers in place,
 * filled again by a second GUP call, then released up to the number asked under a NULL test of each
 * entry: past the second call's count the entries are not NULL but hold the pages the rollback already
 * released, and the walk releases them twice. The fragment names types and constants it does not define.
 */
#include <linux/mm.h>
#include <linux/slab.h>

static int map_user_window(struct xfer_ctl *ctl, unsigned long uaddr, int nr)
{
	struct page **pages;
	bool writable = true;
	int got, i;

	pages = kcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
again:
	got = get_user_pages_fast(uaddr, nr, writable ? FOLL_WRITE : 0, pages);
	if (got != nr) {
		if (writable) {
			for (i = 0; i < got; i++)
				put_page(pages[i]);
			writable = false;
			goto again;
		}
		for (i = 0; i < nr; i++)
			if (pages[i])
				put_page(pages[i]); /* expect: MM007 "released before" */
		kfree(pages);
		return -EFAULT;
	}
	ctl->pages = pages;
	ctl->nr_pages = nr;
	return 0;
}

static long pin_user_ring(struct xfer_ctl *ctl, unsigned long uaddr, unsigned long npages)
{
	struct page **pages;
	unsigned long i;
	long pinned;
	int tries = 2;

	pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	do {
		pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, pages);
		if (pinned == npages) {
			ctl->pages = pages;
			return 0;
		}
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
	} while (--tries);
	for (i = 0; i < npages; i++)
		if (pages[i] != NULL)
			unpin_user_page(pages[i]); /* expect: MM007 "released before" */
	kvfree(pages);
	return -EFAULT;
}
