// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: lockless GUP stores the page without re-reading the pte after the speculative get
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static int gup_pte_range(pmd_t pmd, unsigned long addr, unsigned long end,
			 unsigned int flags, struct page **pages, int *nr)
{
	pte_t *ptep = pte_offset_map(&pmd, addr);

	do {
		pte_t pte = ptep_get_lockless(ptep);
		struct page *page, *head;

		if (!pte_present(pte))
			break;
		page = pte_page(pte);
		head = compound_head(page);
		if (!page_cache_get_speculative(head)) /* expect: MM003 "re-read of the page-table entry" */
			break;
		pages[*nr] = head;
		(*nr)++;
	} while (ptep++, addr += PAGE_SIZE, addr != end);
	return 1;
}
