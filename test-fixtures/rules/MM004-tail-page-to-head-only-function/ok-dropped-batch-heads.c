// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: batches of page references dropped after compound pages are sent elsewhere or
 * resolved to their head, and page arrays a function only reads or fills (their provenance is the
 * caller's): none is a finding
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>

static void free_batch_page(struct page *page);
static void put_compound_batch_page(struct page *page);

static void drop_user_batch_checked(struct page **pages, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++) {
		struct page *page = pages[i];

		if (PageCompound(page)) {
			put_compound_batch_page(page);
			continue;
		}
		if (put_page_testzero(page))
			free_batch_page(page);
	}
}

static void drop_user_batch_heads(struct page **pages, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++) {
		struct page *head = compound_head(pages[i]);

		if (put_page_testzero(head))
			free_batch_page(head);
	}
}

static bool any_waiters(struct page **pages, unsigned long nr)
{
	unsigned long i;

	/* only reads the array: what it holds is the caller's business */
	for (i = 0; i < nr; i++)
		if (PageWaiters(pages[i]))
			return true;
	return false;
}
