// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the 4.4 GUP user that reads mapping and index through compound_head()
 * mmlint-kernel: 4.4
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static int user_page_key(unsigned long address, struct address_space **mapping, pgoff_t *pgoff)
{
	struct page *page, *head;
	int err;

	err = get_user_pages_fast(address, 1, 0, &page);
	if (err < 0)
		return err;
	head = compound_head(page);
	lock_page(head);
	*mapping = head->mapping;
	*pgoff = head->index + (page - head);
	unlock_page(head);
	put_page(page);
	return 0;
}
