// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: lockless walks that re-check the pmd copy as well as the pte, or read the live pmd
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

/* the post-fix shape of 70cbc3cc78a9: pmd copy and pte compared in one condition */
static int fast_pte_walk(pmd_t pmd, pmd_t *pmdp, unsigned long addr, unsigned long end,
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
		if (unlikely(pmd_val(pmd) != pmd_val(*pmdp)) ||
		    unlikely(pte_val(pte) != pte_val(*ptep))) {
			gup_put_folio(folio, 1, flags);
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

/* the pte compared first, the pmd copy after it, in two tests */
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
	if (!pte_same(pte, ptep_get(ptep))) {
		drop_folio(folio);
		return NULL;
	}
	if (!pmd_same(pmdval, *pmdp)) {
		drop_folio(folio);
		return NULL;
	}
	return folio;
}

/* mapped through the pmd pointer itself: no copy to go stale */
static struct folio *peek_folio_live(pmd_t *pmdp, unsigned long addr)
{
	pte_t *ptep;
	pte_t pte;
	struct folio *folio;

	ptep = pte_offset_map(pmdp, addr);
	pte = ptep_get_lockless(ptep);
	if (!pte_present(pte))
		return NULL;
	folio = page_folio(pte_page(pte));
	if (!folio_try_get(folio))
		return NULL;
	if (!pte_same(pte, ptep_get(ptep))) {
		folio_put(folio);
		return NULL;
	}
	return folio;
}
