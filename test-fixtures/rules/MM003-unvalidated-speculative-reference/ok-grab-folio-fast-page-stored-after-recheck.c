// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: 6.12's GUP-fast pte walk: the pmd and the pte are re-read after try_grab_folio_fast() and the folio dropped when either changed, so the page stored afterwards is covered by the reference
 * mmlint-kernel: 6.12
 * mmlint-expect: none
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
		folio = try_grab_folio_fast(page, 1, flags);
		if (!folio)
			break;
		if (unlikely(pmd_val(pmd) != pmd_val(*pmdp)) ||
		    unlikely(pte_val(pte) != pte_val(ptep_get(ptep)))) {
			gup_put_folio(folio, 1, flags);
			break;
		}
		if (!pte_write(pte) && gup_must_unshare(NULL, flags, page)) {
			gup_put_folio(folio, 1, flags);
			break;
		}
		pages[*nr] = page;
		(*nr)++;
	} while (ptep++, addr += PAGE_SIZE, addr != end);
	return 1;
}
