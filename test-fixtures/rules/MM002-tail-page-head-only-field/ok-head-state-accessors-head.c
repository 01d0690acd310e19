// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: basepage_index() handed a page proven a head (compound_head(), a PageTail() test that
 * failed) or an order-0 allocation, and page_to_pgoff(), which resolves the head itself
 * mmlint-kernel: 5.12
 * mmlint-expect: none
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
	*pgoff = basepage_index(compound_head(page));
	put_page(page);
	return 0;
}

static pgoff_t pte_key(pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);
	struct page *page;

	if (!pte_present(pte))
		return 0;
	page = pte_page(pte);
	if (PageTail(page))
		return page_to_pgoff(page);
	return basepage_index(page);
}

static pgoff_t new_page_key(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	return page ? basepage_index(page) : 0;
}
