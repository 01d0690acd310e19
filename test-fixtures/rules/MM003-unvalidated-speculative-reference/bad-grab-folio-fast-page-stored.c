// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: 6.12's GUP-fast pte walk with the pmd/pte re-check after try_grab_folio_fast() dropped: the page handed out is one of the folio the speculative reference pins only once the entry is found unchanged
 * mmlint-kernel: 6.12
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static int gup_fast_pte_range(pmd_t pmd, pmd_t *pmdp, unsigned long addr,
			      unsigned long end, unsigned int flags,
			      struct page **pages, int *nr)
{
	pte_t *ptep = pte_offset_map(&pmd, addr);

	do {
		pte_t pte = ptep_get_lockless(ptep);
		struct page *page;
		struct folio *folio;

		if (!pte_present(pte))
			break;
		page = pte_page(pte);
		folio = try_grab_folio_fast(page, 1, flags); /* expect: MM003 "stored (as its page 'page')" */
		if (!folio)
			break;
		pages[*nr] = page;
		(*nr)++;
	} while (ptep++, addr += PAGE_SIZE, addr != end);
	return 1;
}
