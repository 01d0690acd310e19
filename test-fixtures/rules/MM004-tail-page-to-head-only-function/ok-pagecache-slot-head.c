// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: from 5.4 a page cache slot holds only head pages, so the entry xas_load() returns
 * is a head; a lookup that goes through compound_head() is fine in any version
 * mmlint-kernel: 5.4
 * mmlint-expect: none
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
	if (page && !xa_is_value(page) && PageTransHuge(page))
		nr = HPAGE_PMD_NR;
	rcu_read_unlock();
	return nr;
}

static bool slot_head_is_thp(struct address_space *mapping, pgoff_t index)
{
	XA_STATE(xas, &mapping->i_pages, index);
	struct page *page, *head = NULL;

	rcu_read_lock();
	page = xas_next(&xas);
	if (page && !xa_is_value(page))
		head = compound_head(page);
	rcu_read_unlock();
	return head && PageTransHuge(head);
}
