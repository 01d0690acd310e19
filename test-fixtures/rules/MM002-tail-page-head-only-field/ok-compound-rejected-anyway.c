// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a tail's ->mapping only feeds a skip test that a compound test of the same page in the same condition rejects anyway, so no tail value changes the outcome
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int collect_small_file_pages(pte_t *ptep, int nr, struct page **out)
{
	int i, found = 0;

	for (i = 0; i < nr; i++) {
		pte_t pte = ptep_get(ptep + i);
		struct page *page;

		if (!pte_present(pte))
			continue;
		page = pte_page(pte);
		if (!page->mapping || PageAnon(page) || PageCompound(page))
			continue;
		out[found++] = page;
	}
	return found;
}

static bool small_mapped_page(struct page *page, struct address_space *mapping)
{
	return page->mapping && !PageTail(page) && !PageCompound(page);
}

static bool is_small_file_page(pte_t pte)
{
	struct page *page = pte_page(pte);

	if (unlikely(!page->mapping) || unlikely(PageTransCompound(page)))
		return false;
	return true;
}
