// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the speculative get is taken on the head, but the subpage is stored before the pte is re-read: the page may have left that compound page (split, freed) before the reference was taken
 * mmlint-kernel: 4.6
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static int gup_pte_range(pmd_t pmd, unsigned long addr, unsigned long end,
			 int write, struct page **pages, int *nr)
{
	pte_t *ptep = pte_offset_map(&pmd, addr);

	do {
		pte_t pte = READ_ONCE(*ptep);
		struct page *head, *page;

		if (!pte_present(pte))
			break;
		page = pte_page(pte);
		head = compound_head(page);
		if (!page_cache_get_speculative(head)) /* expect: MM003 "re-read of the page-table entry" */
			break;
		pages[*nr] = page;
		(*nr)++;
	} while (ptep++, addr += PAGE_SIZE, addr != end);
	return 1;
}
