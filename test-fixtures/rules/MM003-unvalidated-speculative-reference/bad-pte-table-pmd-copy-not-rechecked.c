// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a lockless walk re-reads the pte after the speculative get but never the pmd copy its table was mapped from
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

/* GUP-fast style: the table comes from a pmd copy handed down by value */
static int fast_pte_walk(pmd_t pmd, unsigned long addr, unsigned long end,
			 unsigned int flags, struct page **pages, int *nr)
{
	pte_t *ptep, *ptem;
	int ret = 0;

	ptem = ptep = pte_offset_map(&pmd, addr);
	do {
		pte_t pte = ptep_get_lockless(ptep);
		struct page *page;
		struct folio *folio;

		if (!pte_present(pte) || pte_special(pte))
			goto out;
		page = pte_page(pte);
		folio = try_grab_folio(page, 1, flags);
		if (!folio)
			goto out;
		if (unlikely(pte_val(pte) != pte_val(*ptep))) { /* expect: MM003 "mapped from 'pmd'" */
			folio_put(folio);
			goto out;
		}
		pages[*nr] = page;
		(*nr)++;
	} while (ptep++, addr += PAGE_SIZE, addr != end);
	ret = 1;
out:
	pte_unmap(ptem);
	return ret;
}

/* a walker of its own: the pmd read once into a local, the pte compared with pte_same() */
static struct folio *peek_folio(pmd_t *pmdp, unsigned long addr)
{
	pmd_t pmdval = pmdp_get_lockless(pmdp);
	pte_t *ptep;
	pte_t pte;
	struct folio *folio;

	ptep = pte_offset_map(&pmdval, addr);
	pte = ptep_get_lockless(ptep);
	if (!pte_present(pte))
		return NULL;
	folio = page_folio(pte_page(pte));
	if (!folio_try_get(folio))
		return NULL;
	if (!pte_same(pte, ptep_get(ptep))) { /* expect: MM003 "never re-read" */
		folio_put(folio);
		return NULL;
	}
	return folio;
}
