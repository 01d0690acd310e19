// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before the 4.5 flag policies, dirtying every page of a direct-I/O batch before
 * dropping its references set PG_dirty on tails, where nothing looks for it
 * mmlint-kernel: 4.4
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static void dio_release_user_pages(struct page **pages, int npages, bool dirty)
{
	int i;

	for (i = 0; i < npages; i++) {
		if (dirty)
			set_page_dirty_lock(pages[i]); /* expect: MM004 "set_page_dirty_lock" */
		page_cache_release(pages[i]);
	}
}
