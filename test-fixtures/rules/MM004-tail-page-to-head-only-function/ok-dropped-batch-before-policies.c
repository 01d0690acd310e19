// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the fixed direct-I/O release (compound pages skipped before dirtying), and an array
 * that is dirtied but whose references are not dropped here: none is a finding
 * mmlint-kernel: 4.4
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static void dio_release_user_pages(struct page **pages, int npages, bool dirty)
{
	int i;

	for (i = 0; i < npages; i++) {
		struct page *page = pages[i];

		if (dirty && !PageCompound(page))
			set_page_dirty_lock(page);
		page_cache_release(page);
	}
}

static void dio_dirty_pages(struct page **pages, int npages)
{
	int i;

	for (i = 0; i < npages; i++)
		set_page_dirty_lock(pages[i]);
}
