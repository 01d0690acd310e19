// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: basepage_index() of 3.11 to 5.12 reads page->index of the page it is given: handed the
 * page GUP returned for an address in a shmem THP (a tail), it gives the tail's own index, not its offset
 * in the file (the shared futex key of fe19bd3dae3d)
 * mmlint-kernel: 5.12
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

pgoff_t basepage_index(struct page *page);

static int shared_page_key(unsigned long address, pgoff_t *pgoff)
{
	struct page *page;
	int err;

	err = get_user_pages_fast(address, 1, 0, &page);
	if (err < 0)
		return err;
	*pgoff = basepage_index(page); /* expect: MM002 "reads head-only state" */
	put_page(page);
	return 0;
}

static pgoff_t pte_key(pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);

	if (!pte_present(pte))
		return 0;
	return basepage_index(pte_page(pte)); /* expect: MM002 "basepage_index()" */
}
