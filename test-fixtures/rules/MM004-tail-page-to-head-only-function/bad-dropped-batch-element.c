// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a function given a batch of page references to drop (GUP output, pages an unmap
 * gathered) hands an element to a head-only helper: a user address may map a tail of a THP
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>

static void free_batch_page(struct page *page);

static void drop_user_batch(struct page **pages, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++) {
		struct page *page = pages[i];

		if (put_page_testzero(page)) /* expect: MM004 "put_page_testzero" */
			free_batch_page(page);
	}
}

static void drop_and_release(struct page **pages, int nr, struct page **spare)
{
	int i;

	for (i = 0; i < nr; i++)
		if (PageWaiters(pages[i])) /* expect: MM004 "PageWaiters" */
			spare[0] = NULL;
	release_pages(pages, nr);
}
