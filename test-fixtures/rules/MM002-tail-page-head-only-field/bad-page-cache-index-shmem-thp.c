// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: from 4.8 find_get_page() returns the subpage at the index, a tail inside a shmem
 * THP: its mapping and index are kept on the head
 * mmlint-kernel: 4.19
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
	owner = page->mapping; /* expect: MM002 "may be a tail page" */
	*found = page->index; /* expect: MM002 "may be a tail page" */
	put_page(page);
	return owner;
}
