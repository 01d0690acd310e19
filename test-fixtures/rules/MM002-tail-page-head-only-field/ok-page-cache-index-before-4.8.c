// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before shmem THP (4.8) the page cache held no tail pages, so find_get_page()
 * returned a page whose mapping and index are its own
 * mmlint-kernel: 4.6
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static struct address_space *cached_owner(struct address_space *mapping, pgoff_t index,
					  pgoff_t *found)
{
	struct page *page = find_get_page(mapping, index);
	struct address_space *owner;

	if (!page)
		return NULL;
	owner = page->mapping;
	*found = page->index;
	put_page(page);
	return owner;
}
