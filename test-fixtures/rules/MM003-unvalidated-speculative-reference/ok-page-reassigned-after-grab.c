// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: after a failed re-check the walk drops the folio and looks the page up again under the lock: the page stored then is not the one the speculative get was taken through
 * mmlint-kernel: 6.12
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static int grab_one(struct vm_area_struct *vma, pmd_t pmd, unsigned long addr,
		    unsigned int flags, struct page **pages)
{
	pte_t *ptep = pte_offset_map(&pmd, addr);
	pte_t pte = ptep_get_lockless(ptep);
	struct page *page;
	struct folio *folio;

	page = pte_page(pte);
	folio = try_grab_folio_fast(page, 1, flags);
	if (!folio)
		return 0;
	page = follow_page(vma, addr, FOLL_GET);
	if (!page)
		return 0;
	pages[0] = page;
	return 1;
}
