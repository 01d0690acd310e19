// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: speculative references taken on the head and validated before use
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

/* the 6.x lockless GUP shape: try_grab_folio() re-checks the head, the pte is re-read */
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
		folio = try_grab_folio(page, 1, flags);
		if (!folio)
			break;
		if (unlikely(pmd_val(pmd) != pmd_val(*pmdp)) ||
		    unlikely(pte_val(pte) != pte_val(ptep_get(ptep)))) {
			gup_put_folio(folio, 1, flags);
			break;
		}
		pages[*nr] = page;
		(*nr)++;
	} while (ptep++, addr += PAGE_SIZE, addr != end);
	return 1;
}

/* the split race handled: the head is re-checked after the get */
static struct page *pfn_get_head(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head;

retry:
	head = compound_head(page);
	if (!get_page_unless_zero(head))
		return NULL;
	if (unlikely(compound_head(page) != head)) {
		put_page(head);
		goto retry;
	}
	return head;
}

static struct folio *pfn_get_folio(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct folio *folio;

again:
	folio = page_folio(page);
	if (!folio_try_get(folio))
		return NULL;
	if (folio != page_folio(page)) {
		folio_put(folio);
		goto again;
	}
	return folio;
}
