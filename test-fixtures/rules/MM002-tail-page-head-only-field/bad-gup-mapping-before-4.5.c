// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before the 4.5 rework too, a tail page carried no mapping or index of its own: the
 * page GUP returns for an address inside a THP must be resolved to its head first
 * mmlint-kernel: 4.4
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static int user_page_key(unsigned long address, struct address_space **mapping, pgoff_t *pgoff)
{
	struct page *page;
	int err;

	err = get_user_pages_fast(address, 1, 0, &page);
	if (err < 0)
		return err;
	lock_page(page);
	*mapping = page->mapping; /* expect: MM002 "may be a tail page" */
	*pgoff = page->index; /* expect: MM002 "may be a tail page" */
	unlock_page(page);
	put_page(page);
	return 0;
}
