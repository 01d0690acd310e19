// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a kcalloc()ed page array whose rollback clears each entry it releases before a second GUP
 * call fills it again, and one whose final walk stops at the count the second call took: the NULL test
 * of the walk up to the number asked skips exactly the entries neither call left a page in, and the walk
 * up to the count taken releases only the pages taken. The fragment names types and constants it does not define.
 * mmlint-expect: none
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
			for (i = 0; i < got; i++) {
				put_page(pages[i]);
				pages[i] = NULL;
			}
			writable = false;
			goto again;
		}
		for (i = 0; i < nr; i++)
			if (pages[i])
				put_page(pages[i]);
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
	kvfree(pages);
	return -EFAULT;
}

static int read_user_window(struct xfer_ctl *ctl, unsigned long uaddr, int nr)
{
	struct page **pages;
	int got, i, tries = 2;

	pages = kcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	do {
		got = get_user_pages_fast(uaddr, nr, 0, pages);
		if (got == nr)
			break;
		for (i = 0; i < got; i++)
			put_page(pages[i]);
	} while (--tries);
	if (got != nr) {
		kfree(pages);
		return -EFAULT;
	}
	ctl->pages = pages;
	ctl->nr_pages = nr;
	return 0;
}
