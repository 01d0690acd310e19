// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page arrays that readahead_page_batch() fills but that reach a dropping helper some
 * other way too (other units may call the helper, or the caller stores a page of its own in the
 * array): the batch may hold user-mapped tails
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

#define readahead_page_batch(rac, array) __readahead_batch(rac, array, ARRAY_SIZE(array))

static void rafs_read_one(struct page *page);

void rafs_drop_batch(struct page *pages[], int nr_pages)
{
	int index;

	for (index = 0; index < nr_pages; index++) {
		if (PageWaiters(pages[index])) /* expect: MM004 "PageWaiters" */
			wake_up_page_bit(pages[index], PG_locked);
		put_page(pages[index]);
	}
}

static void rafs_read_batch(struct page *pages[], int nr_pages)
{
	int index;

	for (index = 0; index < nr_pages; index++) {
		if (PageWaiters(pages[index])) /* expect: MM004 "PageWaiters" */
			wake_up_page_bit(pages[index], PG_locked);
		put_page(pages[index]);
	}
}

static void rafs_readahead(struct readahead_control *rac, struct page *extra)
{
	struct page *pagepool[16];
	int nr;

	while ((nr = readahead_page_batch(rac, pagepool))) {
		rafs_drop_batch(pagepool, nr);
		pagepool[nr - 1] = extra;
		rafs_read_batch(pagepool, nr);
	}
}
