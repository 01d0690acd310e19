// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page read from a page cache slot before 5.4 may be a tail of a shmem THP
 * mmlint-kernel: 4.19
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static bool slot_is_thp(struct address_space *mapping, pgoff_t index)
{
	void **slot;
	struct page *page;
	bool ret = false;

	rcu_read_lock();
	slot = radix_tree_lookup_slot(&mapping->i_pages, index);
	if (slot) {
		page = radix_tree_deref_slot(slot);
		if (page && !radix_tree_exceptional_entry(page))
			ret = PageTransHuge(page); /* expect: MM004 "may be a tail" */
	}
	rcu_read_unlock();
	return ret;
}
