// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a ->readahead() implementation hands the pages readahead_page_batch() filled to a
 * static helper that drops their references: readahead hands out the first page of each folio, a head,
 * whatever the folios' size, so the batch is no user-mapped one
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

#define readahead_page_batch(rac, array) __readahead_batch(rac, array, ARRAY_SIZE(array))

static void rafs_read_one(struct page *page);

static void rafs_read_batch(struct page *pages[], int nr_pages)
{
	int index;

	for (index = 0; index < nr_pages; index++) {
		rafs_read_one(pages[index]);
		if (PageWaiters(pages[index]))
			wake_up_page_bit(pages[index], PG_locked);
		put_page(pages[index]);
	}
}

static void rafs_readahead(struct readahead_control *rac)
{
	struct page *pagepool[16];
	int nr;

	while ((nr = readahead_page_batch(rac, pagepool)))
		rafs_read_batch(pagepool, nr);
}
