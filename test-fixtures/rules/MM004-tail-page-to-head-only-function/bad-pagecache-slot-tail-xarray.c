// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the XArray of 4.20 to 5.3 still held every subpage of a shmem THP: an entry read
 * with xas_load() or find_get_entry() may be a tail page
 * mmlint-kernel: 5.2
 */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/xarray.h>

static unsigned long entry_nr_pages(struct address_space *mapping, pgoff_t index)
{
	XA_STATE(xas, &mapping->i_pages, index);
	struct page *page;
	unsigned long nr = 1;

	rcu_read_lock();
	page = xas_load(&xas);
	if (page && !xa_is_value(page) && PageTransHuge(page)) /* expect: MM004 "may be a tail" */
		nr = HPAGE_PMD_NR;
	rcu_read_unlock();
	return nr;
}

static bool entry_is_thp(struct address_space *mapping, pgoff_t index)
{
	struct page *page = find_get_entry(mapping, index);
	bool ret;

	if (!page || xa_is_value(page))
		return false;
	ret = PageTransHuge(page); /* expect: MM004 "may be a tail" */
	put_page(page);
	return ret;
}

static bool index_is_thp(struct address_space *mapping, pgoff_t index)
{
	struct page *page = pagecache_get_page(mapping, index, 0, 0);
	bool ret;

	if (!page)
		return false;
	ret = PageTransHuge(page); /* expect: MM004 "may be a tail" */
	put_page(page);
	return ret;
}
