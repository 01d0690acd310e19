// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: with FGP_HEAD (5.15 to 6.1) pagecache_get_page() returns the head of the THP at the
 * index, the way the file THP split walker uses it
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static unsigned long split_file_thps(struct address_space *mapping, pgoff_t start, pgoff_t end)
{
	pgoff_t index;
	unsigned long nr_pages, split = 0;

	for (index = start; index < end; index += nr_pages) {
		struct page *page = pagecache_get_page(mapping, index, FGP_ENTRY | FGP_HEAD, 0);

		nr_pages = 1;
		if (xa_is_value(page) || !page)
			continue;
		if (!PageTransHuge(page))
			goto next;
		nr_pages = thp_nr_pages(page);
		if (!trylock_page(page))
			goto next;
		if (!split_huge_page(page))
			split++;
		unlock_page(page);
next:
		put_page(page);
	}
	return split;
}
